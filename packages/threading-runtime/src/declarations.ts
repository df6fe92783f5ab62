/** TypeScript declarations of the student-facing `threading` module, for the editor. */
export const THREADING_DECLARATIONS = `declare module "threading" {
  /** Options of waiting operations: block=false does not wait; timeoutMs gives up after simulated ms. */
  export interface WaitOptions {
    block?: boolean;
    timeoutMs?: number;
  }

  export interface ThreadOptions<A extends unknown[]> {
    /** The function the thread runs. Threads are switched only where they await this module. */
    target: (...args: A) => unknown;
    args?: A;
    name?: string;
    /** A daemon thread does not keep the program alive. */
    daemon?: boolean;
  }

  /** A thread of the program (Python's threading.Thread). */
  export class Thread {
    constructor(options: ThreadOptions<any[]>);
    readonly name: string;
    readonly daemon: boolean;
    /** Thread number within the run (0 is the main thread); undefined before start(). */
    readonly ident: number | undefined;
    /** Makes the thread ready; the scheduler decides when it runs. */
    start(): void;
    /** Waits until the thread ends, or until timeoutMs simulated milliseconds pass. */
    join(timeoutMs?: number): Promise<void>;
    isAlive(): boolean;
  }

  /** A mutual-exclusion lock; waiters are admitted first come, first served. */
  export class Lock {
    constructor(name?: string);
    readonly name: string;
    /** Resolves true once held; false with block:false or when the timeout passes. */
    acquire(options?: WaitOptions): Promise<boolean>;
    /** Throws RuntimeError if the lock is not held. */
    release(): void;
    locked(): boolean;
    /** Runs body holding the lock; releases it even if body throws. */
    with<T>(body: () => T | Promise<T>): Promise<T>;
  }

  /** A flag threads wait for; set() wakes every waiter. */
  export class Event {
    constructor(name?: string);
    readonly name: string;
    set(): void;
    clear(): void;
    isSet(): boolean;
    /** Resolves true when set, false if timeoutMs simulated milliseconds pass first. */
    wait(timeoutMs?: number): Promise<boolean>;
  }

  /** A counting semaphore. */
  export class Semaphore {
    constructor(value?: number, name?: string);
    readonly name: string;
    acquire(options?: WaitOptions): Promise<boolean>;
    release(n?: number): void;
    getValue(): number;
    with<T>(body: () => T | Promise<T>): Promise<T>;
  }

  /** A FIFO queue; maxsize <= 0 means unbounded. */
  export class Queue<T = unknown> {
    constructor(maxsize?: number, name?: string);
    readonly maxsize: number;
    readonly name: string;
    /** Waits while full; throws Full with block:false or after the timeout. */
    put(item: T, options?: WaitOptions): Promise<void>;
    /** Waits while empty; throws Empty with block:false or after the timeout. */
    get(options?: WaitOptions): Promise<T>;
    /** Like Python's put_nowait: adds at once or throws Full; never waits, callable from synchronous code. */
    putNowait(item: T): void;
    /** Like Python's get_nowait: takes at once or throws Empty; never waits, callable from synchronous code. */
    getNowait(): T;
    qsize(): number;
    empty(): boolean;
    full(): boolean;
    taskDone(): void;
    join(): Promise<void>;
  }

  /** A shared cell: get() and set() are separate steps, another thread can run in between. */
  export class Value<T = number> {
    constructor(initial: T, name?: string);
    readonly name: string;
    get(): Promise<T>;
    set(value: T): Promise<void>;
  }

  export class Full extends Error {}
  export class Empty extends Error {}
  export class RuntimeError extends Error {}
  /** The isolate's global constructors as they were before any student code ran (for workload.ts). */
  export const intrinsics: Readonly<{
    Array: ArrayConstructor; ArrayBuffer: ArrayBufferConstructor; Boolean: BooleanConstructor; Error: ErrorConstructor;
    JSON: JSON; Map: MapConstructor; Math: Math; Number: NumberConstructor; Object: ObjectConstructor;
    Promise: PromiseConstructor; RangeError: RangeErrorConstructor; Reflect: typeof Reflect; Set: SetConstructor;
    String: StringConstructor; Symbol: SymbolConstructor; TypeError: TypeErrorConstructor; Uint8Array: Uint8ArrayConstructor;
    WeakMap: WeakMapConstructor;
  }>;
  /** Built-ins captured before any student code ran (for workload.ts; see @autograder/shared/primordials). */
  export const primordials: { readonly [name: string]: any };

  /** Blocks the current thread for ms simulated milliseconds. */
  export function sleep(ms: number): Promise<void>;
  /** A scheduling point: lets another ready thread run first. */
  export function yieldThread(): Promise<void>;
  export function currentThread(): Thread;
  /** Simulated milliseconds since the run started. */
  export function now(): number;
}
`;
