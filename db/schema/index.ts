export * from "./users";
export * from "./articles";
export * from "./quizzes";
export * from "./classes";
export * from "./reviews";
export * from "./assignments";
export * from "./attempts";
export * from "./corrections";
