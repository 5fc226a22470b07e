export * from "./users";
export * from "./articles";
export * from "./quizzes";
export * from "./classes";
