import { ErrorCtor, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, PromiseCtor, PromisePrototypeThen, SymbolCtor } from "@autograder/shared/primordials";
import { peekActiveScheduler } from "../scheduler/active.ts";

type Callback = ((value: unknown) => unknown) | null | undefined;

const INSTALLED = SymbolCtor.for("autograder.threading.continuations");

/**
 * Makes every `.then` callback run as the thread that registered it. With async functions
 * lowered to generators (esbuild `supported: { "async-await": false }`), each `await` of student
 * code is a `.then`, so a thread resumed by a plain promise another thread resolved (a
 * student-built Mutex, Event...) is still known as itself. Install once per realm (isolate),
 * before any student code and before the realm's intrinsics are frozen: the new `then` is
 * non-writable and non-configurable, and calls the original captured at load.
 */
export function installContinuationTracking(promise: { prototype: Promise<unknown> } = PromiseCtor): void {
  const proto = promise.prototype as unknown as Record<PropertyKey, unknown>;
  if (ObjectGetOwnPropertyDescriptor(proto, INSTALLED) !== undefined) return;
  if (ObjectGetOwnPropertyDescriptor(proto, "then")?.configurable === false) {
    // Another runtime (or the sandbox) froze the promise machinery first: say so instead of
    // running with threads resumed through plain promises attributed to the wrong thread.
    throw new ErrorCtor("the threading runtime must be evaluated before Promise.prototype is frozen (before any other platform runtime and the realm's freeze)");
  }
  const wrap = (callback: Callback): Callback => {
    const scheduler = peekActiveScheduler();
    const thread = scheduler === null ? null : scheduler.current;
    if (typeof callback !== "function" || scheduler === null || thread === null) return callback;
    return (value: unknown) => {
      const from = scheduler.current;
      scheduler.current = thread;
      if (thread.suspended) scheduler.noteResumed(thread, from);
      return callback(value);
    };
  };
  ObjectDefineProperty(proto, "then", {
    value: function then(this: Promise<unknown>, onFulfilled?: Callback, onRejected?: Callback) {
      return PromisePrototypeThen(this, wrap(onFulfilled), wrap(onRejected));
    },
    writable: false,
    configurable: false,
  });
  ObjectDefineProperty(proto, INSTALLED, { value: true });
}
