// The sandbox's side of the student isolate, an ES module evaluated before the student's code.
// It installs console, a seeded Math.random and the exercise's rules, keeps the platform
// runtimes away from globalThis, and answers the host's calls: it runs a student export on
// decoded arguments (optionally instrumented) and encodes what came back. Everything crosses
// to the host as one string: "<meta JSON>\n<payload>".
import { decode, encode } from "./codec.ts";
import { inspect } from "./inspect.ts";
import { mulberry32, toUnit } from "@autograder/shared/rng";

const { apply: reflectApply, get: reflectGet, set: reflectSet } = Reflect;
const { parse, stringify } = JSON;
const { defineProperty, getPrototypeOf } = Object;
const ProxyCtor = Proxy;
const WeakMapCtor = WeakMap;
const WeakSetCtor = WeakSet;
const MapCtor = Map;
const SetCtor = Set;
const isView = ArrayBuffer.isView;
const mathMax = Math.max;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size")?.get as () => number;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size")?.get as () => number;
const sizeGetter = (v: object): (() => number) => (v instanceof MapCtor ? mapSize : setSize);
const typedLength = Object.getOwnPropertyDescriptor(getPrototypeOf(Int8Array.prototype) as object, "length")?.get as () => number;
const DataViewCtor = DataView;
const dataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength")?.get as () => number;
// Captured before the student's code runs: compiles the tests' `student.fn` sources here.
const indirectEval = globalThis.eval;
const StringCtor = String;
const { isArray } = Array;
const mathCeil = Math.ceil;
const Int32ArrayCtor = Int32Array;
const { add: atomicsAdd, load: atomicsLoad, wait: atomicsWait, notify: atomicsNotify } = Atomics;
const dateNow = Date.now;
const g = globalThis as unknown as Record<string, unknown>;

/** Platform runtimes by module name, for the platform modules' sources (`import { platform }`). */
export const platform: Record<string, Record<string, unknown>> = {};

interface InitOptions {
  seed: number;
  rules: string[];
  outputBytes: number;
  returnBytes: number;
  /** module name -> the global its runtime script installed. */
  platformGlobals: Record<string, string>;
}

let options: InitOptions = { seed: 1, rules: [], outputBytes: 0, returnBytes: 0, platformGlobals: {} };
let student: Record<string, unknown> = {};
let workload: Record<string, unknown> = {};
let output = "";
let outputExceeded = false;
let violation: string | undefined;

function write(line: string): void {
  if (outputExceeded) return;
  if (output.length + line.length + 1 > options.outputBytes) {
    output += line.slice(0, Math.max(0, options.outputBytes - output.length));
    outputExceeded = true;
    return;
  }
  output += `${line}\n`;
}

const boxes = new WeakMapCtor<object, number>();
const showBoxed = (v: unknown): unknown => (typeof v === "object" && v !== null && boxes.has(v) ? boxes.get(v) : v);

function formatArgs(args: unknown[]): string {
  let line = "";
  for (let i = 0; i < args.length; i++) line += (i > 0 ? " " : "") + inspect(args[i], { bareStrings: true, replace: showBoxed });
  return line;
}

function installConsole(): void {
  const log = (...args: unknown[]): void => write(formatArgs(args));
  g.console = { log, info: log, warn: log, error: log, debug: log, trace: log, table: log, dir: log };
}

/** Math.random gives the same numbers for the same seed. */
function installSeededRandom(seed: number): void {
  const next = mulberry32(seed);
  const random = (): number => toUnit(next());
  defineProperty(Math, "random", { value: random, writable: false, configurable: false });
}

const SORTING_YOURSELF = "This exercise asks you to write the sorting yourself: built-in sorting is not allowed.";
const NO_CODE_FROM_STRINGS = "Code built from strings is not allowed in this exercise (the grader checks the arrays your code creates, and it cannot see into such code).";

function forbid(owner: object, name: string, label: string, why = SORTING_YOURSELF): void {
  const blocked = function (): never {
    violation ??= `${label} was called. ${why}`;
    throw new Error(violation);
  };
  defineProperty(owner, name, { value: blocked, writable: false, configurable: false, enumerable: false });
}

function installRules(rules: string[]): void {
  if (rules.includes("no-builtin-sort")) {
    const typedArrayPrototype = getPrototypeOf(Int8Array.prototype) as object;
    forbid(Array.prototype, "sort", "Array.prototype.sort");
    forbid(Array.prototype, "toSorted", "Array.prototype.toSorted");
    forbid(typedArrayPrototype, "sort", "TypedArray.prototype.sort");
    forbid(typedArrayPrototype, "toSorted", "TypedArray.prototype.toSorted");
  }
  if (rules.includes("track-arrays")) {
    // Code compiled from a string is not instrumented: eval and every Function constructor go.
    forbid(g, "eval", "eval", NO_CODE_FROM_STRINGS);
    forbid(g, "Function", "Function", NO_CODE_FROM_STRINGS);
    const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
    for (const fn of kinds) forbid(getPrototypeOf(fn) as object, "constructor", "the Function constructor", NO_CODE_FROM_STRINGS);
  }
}

export function init(optionsText: string): void {
  options = parse(optionsText) as InitOptions;
  for (const name in options.platformGlobals) {
    const globalName = options.platformGlobals[name] as string;
    platform[name] = g[globalName] as Record<string, unknown>;
    delete g[globalName];
  }
  installConsole();
  installSeededRandom(options.seed);
  installRules(options.rules);
}

/** Returns the names of `required` exports the student's module lacks. */
export function setModules(studentNamespace: Record<string, unknown>, workloadNamespace: Record<string, unknown> | undefined, requiredText: string): string {
  student = studentNamespace;
  workload = workloadNamespace ?? {};
  const required = parse(requiredText) as string[];
  const missing: string[] = [];
  for (let i = 0; i < required.length; i++) {
    const name = required[i] as string;
    if (typeof student[name] !== "function") missing[missing.length] = name;
  }
  return stringify(missing);
}

export function takeOutput(): string {
  const text = output;
  output = "";
  return text;
}

interface Meta {
  threw?: { name: string; message: string };
  violation?: string;
  outputExceeded?: boolean;
  tooLarge?: boolean;
  encodeError?: string;
  missing?: string;
}

function describeError(error: unknown): { name: string; message: string } {
  try {
    if (typeof error === "object" && error !== null) {
      const e = error as { name?: unknown; message?: unknown };
      return { name: StringCtor(e.name ?? "Error"), message: StringCtor(e.message ?? "") };
    }
    return { name: "thrown value", message: inspect(error) };
  } catch {
    return { name: "Error", message: "(an error that could not be described)" };
  }
}

function finish(meta: Meta, result: unknown): string {
  if (violation !== undefined) meta.violation = violation;
  if (outputExceeded) meta.outputExceeded = true;
  let payload = "null";
  try {
    payload = encode(result);
  } catch (error) {
    meta.encodeError = describeError(error).message;
  }
  if (payload.length > options.returnBytes) {
    meta.tooLarge = true;
    payload = "null";
  }
  return `${stringify(meta)}\n${payload}`;
}

// --- instrumented arrays ----------------------------------------------------------------

type Op = ["read", number] | ["write", number, unknown];

interface Tracking {
  reads: number;
  writes: number;
  swaps: number;
  conversions: number;
  trace: Op[];
  pendingWrite: { index: number; before: unknown; value: unknown } | undefined;
}

const TRACE_LIMIT = 20_000;

function indexOf(key: string | symbol): number {
  if (typeof key !== "string") return -1;
  const n = +key;
  return n >>> 0 === n && StringCtor(n) === key ? n : -1;
}

function instrument(target: unknown[], tracking: Tracking): unknown[] {
  return new ProxyCtor(target, {
    get(t, key, receiver) {
      const i = indexOf(key);
      if (i >= 0) {
        tracking.reads++;
        if (tracking.trace.length < TRACE_LIMIT) tracking.trace[tracking.trace.length] = ["read", i];
        return t[i];
      }
      return reflectGet(t, key, receiver) as unknown;
    },
    set(t, key, value, receiver) {
      const i = indexOf(key);
      if (i < 0) return reflectSet(t, key, value, receiver);
      tracking.writes++;
      const shown = boxes.has(value as object) ? boxes.get(value as object) : value;
      if (tracking.trace.length < TRACE_LIMIT) tracking.trace[tracking.trace.length] = ["write", i, shown];
      const pending = tracking.pendingWrite;
      // A swap: two writes in a row that exchange the values of two positions.
      if (pending !== undefined && pending.index !== i && value === pending.before && pending.value === t[i]) {
        tracking.swaps++;
        tracking.pendingWrite = undefined;
      } else {
        tracking.pendingWrite = { index: i, before: t[i], value };
      }
      t[i] = value;
      return true;
    },
  });
}

class BoxedNumber {
  constructor(readonly tracking: Tracking) {}
  valueOf(): number {
    this.tracking.conversions++;
    return boxes.get(this) as number;
  }
  toString(): string {
    return StringCtor(boxes.get(this));
  }
}

const originalIndex = new WeakMapCtor<object, number>();

function box(arr: unknown[], tracking: Tracking): void {
  for (let i = 0; i < arr.length; i++) {
    if (typeof arr[i] !== "number") continue;
    const b = new BoxedNumber(tracking);
    boxes.set(b, arr[i] as number);
    originalIndex.set(b, i);
    arr[i] = b;
  }
}

/** Replaces boxes by their numbers; returns each element's original index (or -1). */
function unbox(value: unknown): number[] | undefined {
  if (!isArray(value)) return undefined;
  const order: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = value[i] as object;
    if (typeof item === "object" && item !== null && boxes.has(item)) {
      order[i] = originalIndex.get(item) as number;
      value[i] = boxes.get(item);
    } else order[i] = -1;
  }
  return order;
}

interface CallOptions {
  track?: boolean | "boxed";
  /** Argument index -> source of a function expression to compile here and pass there. */
  functions?: Record<string, string>;
}

async function invoke(fn: unknown, args: unknown[]): Promise<{ value?: unknown; threw?: { name: string; message: string } }> {
  try {
    return { value: await (reflectApply(fn as (...a: unknown[]) => unknown, undefined, args) as unknown) };
  } catch (error) {
    return { threw: describeError(error) };
  }
}

/** Compiles each `functions` source into a counting wrapper, in place of its argument. */
function placeFunctions(args: unknown[], functions: Record<string, string> | undefined, calls: number[]): void {
  for (let i = 0; i < args.length; i++) calls[i] = 0;
  if (functions === undefined) return;
  for (const key in functions) {
    const i = +key;
    const compiled = indirectEval(`(${functions[key] as string})`) as (...a: unknown[]) => unknown;
    if (typeof compiled !== "function") throw new Error(`argument ${key}: the source is not a function`);
    args[i] = function (this: unknown, ...fnArgs: unknown[]): unknown {
      calls[i] = (calls[i] as number) + 1;
      return reflectApply(compiled, this, fnArgs);
    };
  }
}

// --- arrays the student's code creates (rule track-arrays) -------------------------------

const MAX_KEPT_ARRAYS = 100_000;
let arraysActive = false;
let arraysSeen = new WeakSetCtor<object>();
let arraysKept: object[] = [];
let arraysCount = 0;
let arraysLargestDropped = 0;

/**
 * Called around every array literal and call expression of the student's code (see
 * track-arrays.ts); records arrays while a call runs. Arrays past MAX_KEPT_ARRAYS are counted
 * with the length they had when first seen.
 */
export function trackArray<T>(value: T): T {
  if (arraysActive && typeof value === "object" && value !== null && (isArray(value) || isView(value) || value instanceof MapCtor || value instanceof SetCtor) && !arraysSeen.has(value)) {
    arraysSeen.add(value);
    arraysCount++;
    if (arraysKept.length < MAX_KEPT_ARRAYS) arraysKept[arraysKept.length] = value;
    else arraysLargestDropped = mathMax(arraysLargestDropped, sizeOf(value));
  }
  return value;
}

/** Elements of an array, a typed array (a DataView: bytes), a Map or a Set. */
function sizeOf(value: object): number {
  try {
    if (isArray(value)) return value.length;
    if (value instanceof MapCtor || value instanceof SetCtor) return reflectApply(sizeGetter(value), value, []) as number;
    if (value instanceof DataViewCtor) return reflectApply(dataViewByteLength, value, []) as number;
    if (isView(value)) return reflectApply(typedLength, value, []) as number;
  } catch {
    // A detached buffer or a subclass that lies: count it as empty.
  }
  return 0;
}

function startArrays(exclude: unknown[]): void {
  arraysSeen = new WeakSetCtor<object>();
  arraysKept = [];
  arraysCount = 0;
  arraysLargestDropped = 0;
  for (let i = 0; i < exclude.length; i++) if (isArray(exclude[i])) arraysSeen.add(exclude[i] as object);
  arraysActive = true;
}

function stopArrays(): { count: number; largest: number } {
  arraysActive = false;
  let largest = arraysLargestDropped;
  for (let i = 0; i < arraysKept.length; i++) largest = mathMax(largest, sizeOf(arraysKept[i] as object));
  arraysKept = [];
  return { count: arraysCount, largest };
}

/** Which argument `value` is (its proxy or itself), or -1. */
function argumentIndex(value: unknown, args: unknown[], callArgs: unknown[]): number {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return -1;
  for (let i = 0; i < args.length; i++) if (value === callArgs[i] || value === args[i]) return i;
  return -1;
}

/** Calls the student's export `name`. */
export async function call(name: string, argsText: string, optionsText: string): Promise<string> {
  const args = decode(argsText) as unknown[];
  const callOptions = parse(optionsText) as CallOptions;
  const fn = student[name];
  if (typeof fn !== "function") return finish({ missing: name }, null);
  const calls: number[] = [];
  const tracking: Tracking = { reads: 0, writes: 0, swaps: 0, conversions: 0, trace: [], pendingWrite: undefined };
  const callArgs: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (callOptions.track && isArray(arg)) {
      if (callOptions.track === "boxed") box(arg, tracking);
      callArgs[i] = instrument(arg, tracking);
    } else callArgs[i] = arg;
  }
  try {
    placeFunctions(callArgs, callOptions.functions, calls);
  } catch (error) {
    return finish({ threw: { name: "TestError", message: describeError(error).message } }, null);
  }
  for (let i = 0; i < args.length; i++) if (typeof callArgs[i] === "function") args[i] = callArgs[i];
  const trackArrays = options.rules.includes("track-arrays");
  if (trackArrays) startArrays(callArgs);
  const outcome = await invoke(fn, callArgs);
  const arrays = trackArrays ? stopArrays() : undefined;
  const sameAsArgIndex = argumentIndex(outcome.value, args, callArgs);
  const common = { sameAsArg: sameAsArgIndex >= 0, sameAsArgIndex, calls, ...(arrays ? { arrays } : {}) };
  if (!callOptions.track) return finish(outcome.threw ? { threw: outcome.threw } : {}, { value: outcome.value, args, ...common });
  // A returned proxy of an argument is the argument itself.
  let value = outcome.value;
  if (sameAsArgIndex >= 0) value = args[sameAsArgIndex];
  const stats = { reads: tracking.reads, writes: tracking.writes, swaps: tracking.swaps, comparisons: mathCeil(tracking.conversions / 2) };
  const order = unbox(value);
  for (let i = 0; i < args.length; i++) if (args[i] !== value) unbox(args[i]);
  const result = { value, args, stats, trace: tracking.trace, order: callOptions.track === "boxed" ? order : undefined, ...common };
  return finish(outcome.threw ? { threw: outcome.threw } : {}, result);
}

/** Runs a scenario of the workload through a platform module's driver. */
export async function drive(moduleName: string, driver: string, argsText: string): Promise<string> {
  const runtime = platform[moduleName];
  const drivers = runtime?.__drivers as Record<string, (...a: unknown[]) => Promise<unknown>> | undefined;
  const fn = drivers?.[driver];
  if (fn === undefined) return finish({ missing: `${moduleName} driver ${driver}` }, null);
  const [scenario, params, driverOptions] = decode(argsText) as [string, unknown, unknown];
  const outcome = await invoke(fn, [workload, scenario, params ?? {}, driverOptions ?? {}]);
  return finish(outcome.threw ? { threw: outcome.threw } : {}, outcome.value);
}

const SPIN_MS = 20;

interface SharedCall {
  length: number;
  slots: number;
  index: number;
  threads: number;
}

/**
 * Parallel mode: this isolate is thread `index` of `threads`, all sharing `buffer`, laid out as
 * `length` data values, `slots` result values, then two control cells: [arrived, go]. Each thread
 * counts itself in and waits until the host sets `go` (once every thread is in), so that all of
 * them call the export (data, result, index, threads) at the same moment.
 */
export async function callShared(name: string, buffer: SharedArrayBuffer, optionsText: string): Promise<string> {
  const o = parse(optionsText) as SharedCall;
  const control = new Int32ArrayCtor(buffer, (o.length + o.slots) * 4, 2);
  atomicsAdd(control, 0, 1);
  atomicsNotify(control, 0);
  // Spin first (a thread asleep in Atomics.wait can take long to wake up, and then the threads
  // would not really start together), but only for a while.
  const spinUntil = dateNow() + SPIN_MS;
  for (let i = 1; atomicsLoad(control, 1) === 0; i++) if ((i & 0xfff) === 0 && dateNow() > spinUntil) atomicsWait(control, 1, 0, SPIN_MS);
  const fn = student[name];
  if (typeof fn !== "function") return finish({ missing: name }, null);
  const data = new Int32ArrayCtor(buffer, 0, o.length);
  const result = new Int32ArrayCtor(buffer, o.length * 4, o.slots);
  const outcome = await invoke(fn, [data, result, o.index, o.threads]);
  return finish(outcome.threw ? { threw: outcome.threw } : {}, null);
}
