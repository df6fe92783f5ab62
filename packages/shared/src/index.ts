export * from "./errors.ts";
export * from "./grading.ts";
export * from "./platform.ts";
