// The grader's processes (supervisor, workers, the standalone entry) log with pino as the API
// does: one JSON object a line on stdout, at LOG_LEVEL, with jobId/submissionId/versionId fields.
import { pino, type Logger } from "pino";
import { LogEnv, parseEnv } from "@autograder/shared/contracts";

export type { Logger };

/** A logger named `name` (grader-supervisor, grader-worker, ...) at LOG_LEVEL. */
export function graderLogger(name: string, env: Record<string, string | undefined> = process.env): Logger {
  return pino({ name, level: parseEnv(LogEnv, env).LOG_LEVEL });
}
