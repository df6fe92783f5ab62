// Counts the student's `Atomics` operations on the memory of a call's arguments, so a test can
// check a rule such as "add each block's sum with Atomics.add" by construction instead of
// hoping two threads collide. Installed by the bridge before the realm is frozen: the student
// sees ordinary Atomics functions (same names, lengths and errors) that it cannot replace.
// Platform runtimes captured the originals when they loaded, so their operations never count.

export type AtomicsOp = "add" | "sub" | "and" | "or" | "xor" | "exchange" | "compareExchange" | "load" | "store";
const OPS: readonly AtomicsOp[] = ["add", "sub", "and", "or", "xor", "exchange", "compareExchange", "load", "store"];

/** Operations per name on watched memory; `added`: the sum of the values given to `add`. */
export type AtomicsCounts = Record<AtomicsOp, number> & { added: number };

const { apply: reflectApply } = Reflect;
const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Object;
const mathTrunc = Math.trunc;
const AtomicsObject = Atomics as unknown as Record<AtomicsOp, (...args: unknown[]) => unknown>;
const TypedArrayPrototype = getPrototypeOf(Int8Array.prototype) as object;
const typedArrayBuffer = getOwnPropertyDescriptor(TypedArrayPrototype, "buffer")!.get!;
const typedArrayByteOffset = getOwnPropertyDescriptor(TypedArrayPrototype, "byteOffset")!.get!;
const typedArrayByteLength = getOwnPropertyDescriptor(TypedArrayPrototype, "byteLength")!.get!;

/** A watched region: the bytes a typed-array argument covers in its buffer. */
interface Region {
  buffer: unknown;
  start: number;
  end: number;
}
let watched: Region[] = [];
let counts: AtomicsCounts | undefined;

const emptyCounts = (): AtomicsCounts => ({ add: 0, sub: 0, and: 0, or: 0, xor: 0, exchange: 0, compareExchange: 0, load: 0, store: 0, added: 0 });

function regionOf(typedArray: unknown): Region {
  const start = reflectApply(typedArrayByteOffset, typedArray, []) as number;
  return { buffer: reflectApply(typedArrayBuffer, typedArray, []), start, end: start + (reflectApply(typedArrayByteLength, typedArray, []) as number) };
}

/** Whether the operation's typed array (any view of it) overlaps a watched region. */
function isWatched(typedArray: unknown): boolean {
  if (counts === undefined) return false;
  const r = regionOf(typedArray);
  for (let i = 0; i < watched.length; i++) {
    const w = watched[i]!;
    if (w.buffer === r.buffer && r.start < w.end && w.start < r.end) return true;
  }
  return false;
}

/** Replaces each Atomics function with a counting one; call once, before the realm is frozen. */
export function installAtomicsCounting(): void {
  for (let i = 0; i < OPS.length; i++) {
    const op = OPS[i]!;
    const original = AtomicsObject[op];
    // A method (not an arrow) so that `new Atomics.add()` throws as the original does.
    const counted = {
      [op](this: unknown, typedArray: unknown, index: unknown, value: unknown, ...rest: unknown[]): unknown {
        // Convert the value once, here (a student's valueOf runs once, as with the original).
        const v = op === "add" && typeof value !== "bigint" ? +(value as number) : value;
        const result = reflectApply(original, AtomicsObject, [typedArray, index, v, ...rest]);
        if (isWatched(typedArray)) {
          counts![op]++;
          if (op === "add" && typeof v === "number" && v === v) counts!.added += mathTrunc(v);
        }
        return result;
      },
    }[op]!;
    defineProperty(counted, "length", { value: original.length });
    defineProperty(AtomicsObject, op, { value: counted, writable: true, enumerable: false, configurable: true });
  }
}

/** Starts counting operations on the memory of these values (typed arrays; others ignored). */
export function watchAtomics(values: readonly unknown[]): void {
  watched = [];
  for (let i = 0; i < values.length; i++) {
    try {
      watched[watched.length] = regionOf(values[i]);
    } catch {
      // not a typed array
    }
  }
  counts = emptyCounts();
}

/** Stops counting; the counts since `watchAtomics`, or undefined when nothing was watched. */
export function stopAtomics(): AtomicsCounts | undefined {
  const result = watched.length > 0 ? counts : undefined;
  counts = undefined;
  watched = [];
  return result;
}
