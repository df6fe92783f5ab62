// Every isolate the sandbox creates comes from newIsolate, so none lacks onCatastrophicError.
// isolated-vm calls it when V8 has lost control of an isolate: its resources are unrecoverable
// and the process must end (isolated-vm's README: log, stop serving, process.abort()). The
// grader's worker installs a handler that logs with pino first; its supervisor restarts it and
// the job it held is retried.
import ivm from "isolated-vm";

export type CatastrophicErrorHandler = (message: string) => void;

/** The default: one line on stderr, then abort (the process's owner restarts it). */
function abortProcess(message: string): void {
  process.stderr.write(`isolated-vm catastrophic error, aborting: ${message}\n`);
  process.abort();
}

let handler: CatastrophicErrorHandler = abortProcess;

/** Replaces the handler; it must end the process (the isolate's resources cannot be freed). */
export function setCatastrophicErrorHandler(next: CatastrophicErrorHandler): void {
  handler = next;
}

/** What isolated-vm calls; exported so a test can prove the installed handler ends the process. */
export function catastrophicError(message: string): void {
  handler(message);
}

export function newIsolate(memoryLimit: number): ivm.Isolate {
  return new ivm.Isolate({ memoryLimit, onCatastrophicError: catastrophicError });
}
