export * from "./errors.ts";
export * from "./grading.ts";
export * from "./platform.ts";
export * from "./web-api.ts";
export * from "./visualization.ts";
export * from "./api-exercises.ts";
export * from "./limits.ts";
