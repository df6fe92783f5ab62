export * from "./errors.ts";
export * from "./grading.ts";
