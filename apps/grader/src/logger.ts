// The grader's processes (supervisor, workers, the standalone entry) log with pino as the API
// does: one JSON object a line on stdout, at LOG_LEVEL, with jobId/submissionId/versionId fields.
import { pino, type Logger } from "pino";
import { LogEnv, parseEnv } from "@autograder/shared/contracts";

export type { Logger };

/** A logger named `name` (grader-supervisor, grader-worker, ...) at LOG_LEVEL. */
export function graderLogger(name: string, env: Record<string, string | undefined> = process.env): Logger {
  // Synchronous writes: a worker that aborts (onCatastrophicError) or is killed right after a
  // line must not lose it in a buffer; the grader logs little, so the cost does not matter.
  return pino({ name, level: parseEnv(LogEnv, env).LOG_LEVEL }, pino.destination({ dest: 1, sync: true }));
}

/**
 * For module-level use: the logger is made on first use, so that importing a module never
 * reads LOG_LEVEL (the entry point checks the environment first and refuses it in one line).
 */
export function graderLoggerOnUse(name: string): () => Logger {
  let logger: Logger | undefined;
  return () => (logger ??= graderLogger(name));
}
