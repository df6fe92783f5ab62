// The sandbox's side of the student isolate, an ES module evaluated before the student's code.
// It installs console, a seeded Math.random and the exercise's rules, keeps the platform
// runtimes away from globalThis, freezes the realm (lockdown) before the student's module
// loads, and answers the host's calls: it runs a student export on decoded arguments
// (optionally instrumented) and encodes what came back. Everything crosses to the host as one
// string: "<meta JSON>\n<payload>". Its state lives in this module's scope, which no student
// code can reach (the student's module cannot import the bridge).
import { decode, encode } from "./codec.ts";
import { installAtomicsCounting, stopAtomics, watchAtomics } from "./atomics-count.ts";
import { inspect } from "./inspect.ts";
import { lockdown as freezeRealm } from "./lockdown.ts";
import { mulberry32, toUnit } from "@autograder/shared/rng";

const { apply: reflectApply, get: reflectGet, set: reflectSet, defineProperty: reflectDefineProperty, deleteProperty: reflectDeleteProperty, getOwnPropertyDescriptor: reflectGetOwnPropertyDescriptor } = Reflect;
const { parse, stringify } = JSON;
const { defineProperty, getPrototypeOf, freeze } = Object;
const hasOwn = Object.hasOwn;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const stringSlice = String.prototype.slice;
const symbolToPrimitive = Symbol.toPrimitive;
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
  webassembly?: boolean;
}

let options: InitOptions = { seed: 1, rules: [], outputBytes: 0, returnBytes: 0, platformGlobals: {} };
/** Longest text of a thrown error's name kept; its message is kept within returnBytes. */
const MAX_ERROR_NAME = 200;
const clip = (text: string, max: number): string => (text.length <= max ? text : `${reflectApply(stringSlice, text, [0, max]) as string}... [${text.length - max} more characters elided]`);
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

interface Box {
  value: number;
  tracking: Tracking;
  /** Position in the argument it was made from. */
  index: number;
}
/** Boxed numbers -> what they hold; a WeakMap so that nothing about a box is reachable from it. */
const boxes = new WeakMapCtor<object, Box>();
const boxOf = (v: unknown): Box | undefined => (typeof v === "object" && v !== null ? (reflectApply(weakMapGet, boxes, [v]) as Box | undefined) : undefined);
const showBoxed = (v: unknown): unknown => boxOf(v)?.value ?? v;

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
  installAtomicsCounting();
}

/**
 * Called by the host once the platform modules are linked and before the student's module
 * evaluates: removes WebAssembly (its memory is outside the heap limit) unless the exercise
 * asks for it, and freezes every object reachable from the global object and from the
 * platform modules' exports. Returns how many objects were frozen.
 */
export function lockdown(): number {
  return freezeRealm([platform, BoxedNumber], { webassembly: options.webassembly === true });
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

/** A thrown value in words, within returnBytes (its getters and toString are the student's code). */
function describeError(error: unknown): { name: string; message: string } {
  const maxMessage = options.returnBytes > 0 ? options.returnBytes : 10_000;
  try {
    if (typeof error === "object" && error !== null) {
      const e = error as { name?: unknown; message?: unknown };
      return { name: clip(StringCtor(e.name ?? "Error"), MAX_ERROR_NAME), message: clip(StringCtor(e.message ?? ""), maxMessage) };
    }
    return { name: "thrown value", message: clip(inspect(error), maxMessage) };
  } catch {
    return { name: "Error", message: "(an error that could not be described)" };
  }
}

/** Encodes `result` (running any getter on it); `meta.tooLarge` when over returnBytes. */
function encodePayload(meta: Meta, result: unknown): string {
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
  return payload;
}

function reply(meta: Meta, payload: string): string {
  if (violation !== undefined) meta.violation = violation;
  if (outputExceeded) meta.outputExceeded = true;
  return `${stringify(meta)}\n${payload}`;
}

function finish(meta: Meta, result: unknown): string {
  return reply(meta, encodePayload(meta, result));
}

/** A reply for a call the bridge itself could not complete because of what the student's code did. */
function fault(error: unknown): string {
  return reply({ threw: describeError(error) }, "null");
}

// --- instrumented arrays ----------------------------------------------------------------

/** A write of a boxed number also names the input position it came from (stability is visible). */
type Op = ["read", number] | ["write", number, unknown] | ["write", number, unknown, number];

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
  return n >>> 0 === n && n !== 4294967295 && StringCtor(n) === key ? n : -1;
}

function countRead(tracking: Tracking, i: number): void {
  tracking.reads++;
  if (tracking.trace.length < TRACE_LIMIT) tracking.trace[tracking.trace.length] = ["read", i];
}

function countWrite(tracking: Tracking, t: unknown[], i: number, value: unknown): void {
  tracking.writes++;
  const b = boxOf(value);
  const shown = b?.value ?? value;
  if (tracking.trace.length < TRACE_LIMIT) tracking.trace[tracking.trace.length] = b === undefined ? ["write", i, shown] : ["write", i, shown, b.index];
  const pending = tracking.pendingWrite;
  // A swap: two writes in a row that exchange the values of two positions.
  if (pending !== undefined && pending.index !== i && value === pending.before && pending.value === t[i]) {
    tracking.swaps++;
    tracking.pendingWrite = undefined;
  } else {
    tracking.pendingWrite = { index: i, before: t[i], value };
  }
}

/**
 * A tracked array: every way to read an element's value (get, getOwnPropertyDescriptor) is a
 * read and every way to change one (set, defineProperty, deleteProperty) a write. has and
 * ownKeys reveal no value and are not counted. Elements stay plain writable data properties
 * (accessors, freezing and a new prototype are refused) so that the array can be read back.
 */
function instrument(target: unknown[], tracking: Tracking): unknown[] {
  return new ProxyCtor(target, {
    get(t, key, receiver) {
      const i = indexOf(key);
      if (i < 0) return reflectGet(t, key, receiver) as unknown;
      countRead(tracking, i);
      return t[i];
    },
    getOwnPropertyDescriptor(t, key) {
      const i = indexOf(key);
      if (i >= 0 && hasOwn(t, key)) countRead(tracking, i);
      return reflectGetOwnPropertyDescriptor(t, key);
    },
    set(t, key, value, receiver) {
      const i = indexOf(key);
      if (i < 0) return reflectSet(t, key, value, receiver);
      countWrite(tracking, t, i, value);
      t[i] = value;
      return true;
    },
    defineProperty(t, key, desc) {
      const i = indexOf(key);
      const plain = "value" in desc && desc.get === undefined && desc.set === undefined && desc.writable !== false && desc.configurable !== false && desc.enumerable !== false;
      if (i < 0) return key === "length" ? plain && reflectSet(t, key, desc.value) : reflectDefineProperty(t, key, desc);
      if (!plain) return false;
      countWrite(tracking, t, i, desc.value);
      t[i] = desc.value;
      return true;
    },
    deleteProperty(t, key) {
      const i = indexOf(key);
      if (i >= 0 && hasOwn(t, key)) countWrite(tracking, t, i, undefined);
      return reflectDeleteProperty(t, key);
    },
    preventExtensions() {
      return false;
    },
    setPrototypeOf() {
      return false;
    },
  });
}

/**
 * A number whose conversions are counted, however they happen (`<`, `-`, `+`, String(),
 * template literals, valueOf/toString called directly). What it holds is in `boxes`, never on
 * the box; the box and this class are frozen.
 */
class BoxedNumber {
  [symbolToPrimitive](): number {
    return convert(this);
  }
  valueOf(): number {
    return convert(this);
  }
  toString(): string {
    return StringCtor(convert(this));
  }
}

function convert(self: unknown): number {
  const b = boxOf(self);
  if (b === undefined) throw new TypeError("not a tracked number");
  b.tracking.conversions++;
  return b.value;
}

function box(arr: unknown[], tracking: Tracking): void {
  for (let i = 0; i < arr.length; i++) {
    if (typeof arr[i] !== "number") continue;
    const b = freeze(new BoxedNumber());
    reflectApply(weakMapSet, boxes, [b, { value: arr[i] as number, tracking, index: i }]);
    arr[i] = b;
  }
}

/** Replaces boxes by their numbers (in an array of the bridge's own making); returns each element's original index (or -1). */
function unbox(value: unknown[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const b = boxOf(value[i]);
    if (b !== undefined) {
      order[i] = b.index;
      value[i] = b.value;
    } else order[i] = -1;
  }
  return order;
}

/** A copy of a returned array with plain properties read (a getter runs once, here, counted if it touches a tracked array). */
function plainCopy(value: unknown): unknown {
  if (!isArray(value)) return value;
  const copy: unknown[] = [];
  const n = (value as unknown[]).length;
  for (let i = 0; i < n; i++) copy[i] = (value as unknown[])[i];
  return copy;
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
  try {
    return await callExport(name, argsText, optionsText);
  } catch (error) {
    return fault(error);
  }
}

async function callExport(name: string, argsText: string, optionsText: string): Promise<string> {
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
  watchAtomics(callArgs);
  const outcome = await invoke(fn, callArgs);
  const atomics = stopAtomics();
  const arrays = trackArrays ? stopArrays() : undefined;
  const meta: Meta = outcome.threw ? { threw: outcome.threw } : {};
  const sameAsArgIndex = argumentIndex(outcome.value, args, callArgs);
  const common = { sameAsArg: sameAsArgIndex >= 0, sameAsArgIndex, calls, ...(arrays ? { arrays } : {}), ...(atomics ? { atomics } : {}) };
  if (!callOptions.track) return finish(meta, { value: outcome.value, args, ...common });
  // A returned proxy of an argument is the argument itself; any other array is copied first,
  // so that its getters run now, while the tracked arrays still count.
  const value = sameAsArgIndex >= 0 ? args[sameAsArgIndex] : plainCopy(outcome.value);
  const order = isArray(value) ? unbox(value) : undefined;
  for (let i = 0; i < args.length; i++) if (isArray(args[i]) && args[i] !== value) unbox(args[i] as unknown[]);
  // Everything the student's code can run (getters of the result) has run once encoded: only
  // then are the counts read.
  const valueText = encodePayload(meta, value);
  if (meta.tooLarge || meta.encodeError !== undefined) return reply(meta, "null");
  const stats = { reads: tracking.reads, writes: tracking.writes, swaps: tracking.swaps, comparisons: mathCeil(tracking.conversions / 2) };
  const rest = encode({ args, stats, trace: tracking.trace, order: callOptions.track === "boxed" ? order : undefined, ...common });
  // Both are tagged objects ({"$o":{...}}): splice the value into the rest.
  const payload = `{"$o":{"value":${valueText},${rest.slice(7)}`;
  if (payload.length > options.returnBytes) return reply({ ...meta, tooLarge: true }, "null");
  return reply(meta, payload);
}

/** Runs a scenario of the workload through a platform module's driver. */
export async function drive(moduleName: string, driver: string, argsText: string): Promise<string> {
  try {
    const runtime = platform[moduleName];
    const drivers = runtime?.__drivers as Record<string, (...a: unknown[]) => Promise<unknown>> | undefined;
    const fn = drivers !== undefined && hasOwn(drivers, driver) ? drivers[driver] : undefined;
    // The exercise's tests named a driver that does not exist: the exercise's fault, not the student's.
    if (fn === undefined) return `${stringify({ limit: "error", message: `the ${moduleName} module has no driver ${stringify(driver)}` })}\nnull`;
    const [scenario, params, driverOptions] = decode(argsText) as [string, unknown, unknown];
    const outcome = await invoke(fn, [workload, scenario, params ?? {}, driverOptions ?? {}]);
    return finish(outcome.threw ? { threw: outcome.threw } : {}, outcome.value);
  } catch (error) {
    return fault(error);
  }
}

const SPIN_MS = 20;

interface SharedCall {
  length: number;
  slots: number;
  index: number;
  threads: number;
}

/**
 * Parallel mode: this isolate is thread `index` of `threads`, all sharing `buffer` (`length`
 * data values, then `slots` result values). `control` is a second shared buffer the student's
 * code never sees: [arrived, go]. Each thread counts itself in and waits until the host sets
 * `go` (once every thread is in), so that all of them call the export (data, result, index,
 * threads) at the same moment.
 */
export async function callShared(name: string, buffer: SharedArrayBuffer, control: SharedArrayBuffer, optionsText: string): Promise<string> {
  try {
    const o = parse(optionsText) as SharedCall;
    const cells = new Int32ArrayCtor(control, 0, 2);
    atomicsAdd(cells, 0, 1);
    atomicsNotify(cells, 0);
    // Spin first (a thread asleep in Atomics.wait can take long to wake up, and then the threads
    // would not really start together), but only for a while.
    const spinUntil = dateNow() + SPIN_MS;
    for (let i = 1; atomicsLoad(cells, 1) === 0; i++) if ((i & 0xfff) === 0 && dateNow() > spinUntil) atomicsWait(cells, 1, 0, SPIN_MS);
    const fn = student[name];
    if (typeof fn !== "function") return finish({ missing: name }, null);
    const data = new Int32ArrayCtor(buffer, 0, o.length);
    const result = new Int32ArrayCtor(buffer, o.length * 4, o.slots);
    watchAtomics([result]);
    const outcome = await invoke(fn, [data, result, o.index, o.threads]);
    return finish(outcome.threw ? { threw: outcome.threw } : {}, { atomics: stopAtomics() });
  } catch (error) {
    return fault(error);
  }
}
