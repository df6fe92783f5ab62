import { ErrorCtor, ObjectDefineProperty, ObjectFreeze } from "@autograder/shared/primordials";

/** Stable codes of the student mistakes the scheduler detects (the sandbox maps them to `failed`). */
export type MisuseCode = "missing-await" | "outside-thread" | "no-scheduler";

/** What a mistake means for the student: a sentence saying what to fix. */
const FIX: Readonly<Record<MisuseCode, string>> = ObjectFreeze({
  "missing-await": "await every threading operation (get, set, acquire, join, sleep...) before starting the next one",
  "outside-thread": "call threading operations only from the code of a running thread (not from a callback that runs after the thread ended)",
  "no-scheduler": "call threading operations only while a scenario runs (not at the top level of your module)",
});

export function fixFor(code: MisuseCode): string {
  return FIX[code];
}

/**
 * Thrown by the runtime for a misuse of the threading module. The scheduler also records the
 * first one on the run itself, so catching it does not hide it: the run fails with
 * `misuse: { code, thread, message, fix }` in its result.
 */
export class ThreadingMisuse extends ErrorCtor {
  declare readonly code: MisuseCode;

  constructor(code: MisuseCode, message: string) {
    super(message);
    ObjectDefineProperty(this, "name", { value: "ThreadingMisuse", writable: false, enumerable: false, configurable: false });
    ObjectDefineProperty(this, "code", { value: code, writable: false, enumerable: true, configurable: false });
  }
}
