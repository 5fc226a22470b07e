export * from "./users";
export * from "./articles";
