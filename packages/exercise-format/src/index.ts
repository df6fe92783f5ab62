export * from "./exercise.ts";
export * from "./manifest.ts";
export * from "./load.ts";
