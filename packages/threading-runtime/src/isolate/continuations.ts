import { peekActiveScheduler } from "../scheduler/active.ts";

type Callback = ((value: unknown) => unknown) | null | undefined;
type Then = (this: Promise<unknown>, onFulfilled?: Callback, onRejected?: Callback) => Promise<unknown>;

const INSTALLED = Symbol.for("autograder.threading.continuations");

/**
 * Makes every `.then` callback run as the thread that registered it. With async functions
 * lowered to generators (esbuild `supported: { "async-await": false }`), each `await` of student
 * code is a `.then`, so a thread resumed by a plain promise another thread resolved (a
 * student-built Mutex, Event...) is still known as itself. Install once per realm (isolate).
 */
export function installContinuationTracking(promise: { prototype: Promise<unknown> } = Promise): void {
  const proto = promise.prototype as unknown as { then: Then; [INSTALLED]?: true };
  if (proto[INSTALLED] === true) return;
  const original = proto.then;
  const wrap = (callback: Callback): Callback => {
    const scheduler = peekActiveScheduler();
    const thread = scheduler?.current ?? null;
    if (typeof callback !== "function" || scheduler === null || thread === null) return callback;
    return (value: unknown) => {
      scheduler.current = thread;
      return callback(value);
    };
  };
  Object.defineProperty(proto, "then", {
    value: function then(this: Promise<unknown>, onFulfilled?: Callback, onRejected?: Callback) {
      return original.call(this, wrap(onFulfilled), wrap(onRejected));
    },
    writable: false,
    configurable: false,
  });
  Object.defineProperty(proto, INSTALLED, { value: true });
}
