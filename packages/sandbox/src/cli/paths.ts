import { fileURLToPath } from "node:url";

/** The repository's exercises/ folder. */
export const EXERCISES_DIR = fileURLToPath(new URL("../../../../exercises", import.meta.url));
