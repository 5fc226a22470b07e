export * from "./types";
export { prepareArticle } from "./normalize";
export { analyzeArticle } from "./analyze";
export {
  explainBank,
  generateQuiz,
  questionBank,
  GENERATOR_VERSION,
  type DroppedCandidate,
} from "./generate";
export { gradeAnswer, normalizeAnswer } from "./grade";
export { structuralGates, type GateReason } from "./gates";
