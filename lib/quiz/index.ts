export * from "./types";
export { prepareArticle } from "./normalize";
export { analyzeArticle } from "./analyze";
export { generateQuiz, questionBank, GENERATOR_VERSION } from "./generate";
export { gradeAnswer, normalizeAnswer } from "./grade";
