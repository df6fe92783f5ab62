// Values cross between isolates only as strings made here: a tagged JSON tree that keeps what
// JSON loses (undefined, NaN, -0, Infinity, bigint, typed arrays, Map, Set, Date, errors).
// This file runs inside the isolates (bundled into their scripts), so it captures the
// built-ins it needs before any student code can replace them.

const { keys: objectKeys, getPrototypeOf, prototype: objectPrototype } = Object;
const { isArray } = Array;
const { stringify, parse } = JSON;
const isView = ArrayBuffer.isView;
const MapCtor = Map;
const SetCtor = Set;
const DateCtor = Date;
const ErrorCtor = Error;
const numberIsNaN = Number.isNaN;
const getTime = Date.prototype.getTime;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const apply = <T>(fn: (...a: never[]) => T, self: unknown, args: unknown[]): T => Reflect.apply(fn, self, args) as T;

export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

export class EncodeError extends ErrorCtor {
  override name = "EncodeError";
}

const TYPED = ["Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "Uint8ClampedArray"] as const;

/** `maxNodes` bounds the work on a hostile value (a huge or endless structure). */
export function toTree(value: unknown, maxNodes = 5_000_000): Encoded {
  let nodes = 0;
  const seen: object[] = [];
  const walk = (v: unknown, depth: number): Encoded => {
    if (++nodes > maxNodes) throw new EncodeError(`the value has more than ${maxNodes} parts`);
    if (depth > 500) throw new EncodeError("the value is nested more than 500 levels deep");
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (numberIsNaN(v)) return { $n: "NaN" };
        if (v === Infinity) return { $n: "Infinity" };
        if (v === -Infinity) return { $n: "-Infinity" };
        if (v === 0 && 1 / v < 0) return { $n: "-0" };
        return v;
      case "undefined":
        return { $u: 1 };
      case "bigint":
        return { $b: `${v}` };
      case "symbol":
        return { $s: "symbol" };
      case "function":
        return { $f: typeof (v as { name?: unknown }).name === "string" ? (v as { name: string }).name : "" };
    }
    if (v === null) return null;
    const obj = v as object;
    for (let i = 0; i < seen.length; i++) if (seen[i] === obj) throw new EncodeError("the value refers to itself (a cycle)");
    seen[seen.length] = obj;
    try {
      if (isArray(obj)) {
        const arr = obj as unknown[];
        const out: Encoded[] = [];
        const n = arr.length;
        for (let i = 0; i < n; i++) out[i] = walk(arr[i], depth + 1);
        return out;
      }
      if (isView(obj)) {
        const ctorName = (getPrototypeOf(obj) as { constructor?: { name?: string } } | null)?.constructor?.name ?? "";
        const data: number[] = [];
        const view = obj as unknown as ArrayLike<number>;
        for (let i = 0; i < view.length; i++) data[i] = view[i] as number;
        return { $t: (TYPED as readonly string[]).includes(ctorName) ? ctorName : "Uint8Array", d: data };
      }
      if (obj instanceof MapCtor) {
        const entries: Encoded[] = [];
        apply(mapForEach as never, obj, [(val: unknown, key: unknown) => { entries[entries.length] = [walk(key, depth + 1), walk(val, depth + 1)]; }]);
        return { $m: entries };
      }
      if (obj instanceof SetCtor) {
        const items: Encoded[] = [];
        apply(setForEach as never, obj, [(val: unknown) => { items[items.length] = walk(val, depth + 1); }]);
        return { $set: items };
      }
      if (obj instanceof DateCtor) return { $d: apply(getTime as never, obj, []) as number };
      if (obj instanceof ErrorCtor) return { $e: [String((obj as Error).name), String((obj as Error).message)] };
      const out: { [key: string]: Encoded } = {};
      const ks = objectKeys(obj);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i] as string;
        out[k] = walk((obj as Record<string, unknown>)[k], depth + 1);
      }
      const proto = getPrototypeOf(obj) as { constructor?: { name?: unknown } } | null;
      const cls = proto === null || proto === objectPrototype ? undefined : proto.constructor?.name;
      return typeof cls === "string" && cls !== "Object" ? { $o: out, c: cls } : { $o: out };
    } finally {
      seen.length--;
    }
  };
  return walk(value, 0);
}

export function encode(value: unknown, maxNodes?: number): string {
  return stringify(toTree(value, maxNodes));
}

const TYPED_CTORS: Record<string, new (data: number[]) => unknown> = {
  Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array, Uint8ClampedArray,
};

export function fromTree(tree: Encoded): unknown {
  if (tree === null || typeof tree !== "object") return tree;
  if (isArray(tree)) return tree.map(fromTree);
  if ("$o" in tree) {
    const out: Record<string, unknown> = {};
    const src = tree.$o as Record<string, Encoded>;
    for (const k of objectKeys(src)) {
      // Own data properties only: a key "__proto__" must not change the prototype.
      Object.defineProperty(out, k, { value: fromTree(src[k] as Encoded), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if ("$n" in tree) return tree.$n === "-0" ? -0 : Number(tree.$n);
  if ("$u" in tree) return undefined;
  if ("$b" in tree) return BigInt(tree.$b as string);
  if ("$t" in tree) return new (TYPED_CTORS[tree.$t as string] ?? Uint8Array)(tree.d as number[]);
  if ("$m" in tree) return new Map((tree.$m as Encoded[][]).map(([k, v]) => [fromTree(k as Encoded), fromTree(v as Encoded)]));
  if ("$set" in tree) return new Set((tree.$set as Encoded[]).map(fromTree));
  if ("$d" in tree) return new Date(tree.$d as number);
  if ("$e" in tree) {
    const [name, message] = tree.$e as [string, string];
    const e = new Error(message);
    e.name = name;
    return e;
  }
  if ("$f" in tree) return `[function ${tree.$f as string}]`;
  if ("$s" in tree) return "[symbol]";
  return undefined;
}

export function decode(text: string): unknown {
  return fromTree(parse(text) as Encoded);
}
