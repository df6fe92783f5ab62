// Freezes the student's realm before the student's module loads: every object reachable from
// the global object (and from the platform modules' exports) becomes immutable, so code that
// ran earlier (platform runtimes, workload, this bridge) can rely on the built-ins it uses.
// A walk with Object.freeze costs a few ms per isolate; SES lockdown() (80-100 ms) and a
// snapshot of a frozen heap (V8 crashes at context creation) were ruled out (issue 11).
// Runs inside the student isolate, bundled into the bridge; captures what it uses at load.

const { freeze, isFrozen, preventExtensions, getPrototypeOf, getOwnPropertyDescriptor, defineProperty, prototype: objectPrototype } = Object;
const { ownKeys, apply: reflectApply } = Reflect;
const hasOwn = Object.hasOwn;
const WeakSetCtor = WeakSet;
const weakSetHas = WeakSet.prototype.has;
const weakSetAdd = WeakSet.prototype.add;
const TypeErrorCtor = TypeError;
const StringCtor = String;

type Obj = object & Record<PropertyKey, unknown>;

/**
 * With a frozen prototype, `obj.toString = f` on an ordinary object throws (the "override
 * mistake"), which breaks common code such as `this.name = "MyError"`. These data properties
 * become accessors whose setter defines an own property on the receiver instead (as SES does).
 */
function enableOverride(owner: Obj, key: PropertyKey): void {
  const desc = getOwnPropertyDescriptor(owner, key);
  if (desc === undefined || !("value" in desc) || !desc.configurable) return;
  const value = desc.value as unknown;
  const getter = function (this: unknown): unknown {
    return value;
  };
  const setter = function (this: unknown, next: unknown): void {
    if (this === owner) throw new TypeErrorCtor(`Cannot assign to read only property '${StringCtor(key)}' of a built-in`);
    if (typeof this !== "object" && typeof this !== "function") return;
    if (this === null) return;
    if (hasOwn(this, key)) (this as Obj)[key] = next;
    else defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
  };
  defineProperty(owner, key, { get: getter, set: setter, enumerable: desc.enumerable === true, configurable: false });
}

const ERROR_KEYS = ["name", "message", "constructor", "toString"];

function enableOverrides(g: Obj): void {
  for (const key of ownKeys(objectPrototype)) enableOverride(objectPrototype as Obj, key);
  for (const name of ["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError"]) {
    const ctor = g[name] as { prototype?: Obj } | undefined;
    if (ctor?.prototype !== undefined) for (const key of ERROR_KEYS) enableOverride(ctor.prototype, key);
  }
  // Not Promise.prototype.constructor: an accessor there would turn off V8's fast path for
  // promises (the species protector), which the platform runtimes use heavily.
  for (const key of ["toString", "constructor"]) enableOverride(Function.prototype as unknown as Obj, key);
}

/** Intrinsics that no property path from the global object reaches; made from instances. */
function hiddenIntrinsics(): unknown[] {
  const found: unknown[] = [];
  const tryAdd = (make: () => unknown): void => {
    try {
      const value = make();
      if (value !== undefined && value !== null) found[found.length] = value;
    } catch {
      // Absent in this V8: nothing to freeze.
    }
  };
  tryAdd(() => getPrototypeOf(function* () {}));
  tryAdd(() => getPrototypeOf(async function () {}));
  tryAdd(() => getPrototypeOf(async function* () {}));
  tryAdd(() => getPrototypeOf([][Symbol.iterator]()));
  tryAdd(() => getPrototypeOf(new Map()[Symbol.iterator]()));
  tryAdd(() => getPrototypeOf(new Set()[Symbol.iterator]()));
  tryAdd(() => getPrototypeOf(""[Symbol.iterator]()));
  tryAdd(() => getPrototypeOf(/a/g[Symbol.matchAll]("")));
  tryAdd(() => {
    const it = [].values() as unknown as { map?: (f: (x: unknown) => unknown) => unknown };
    return typeof it.map === "function" ? getPrototypeOf(it.map((x) => x)) : undefined;
  });
  tryAdd(() => {
    const from = (globalThis as unknown as { Iterator?: { from?: (x: unknown) => unknown } }).Iterator?.from;
    return typeof from === "function" ? getPrototypeOf(from({ next: () => ({ done: true, value: undefined }) })) : undefined;
  });
  tryAdd(() => {
    const seg = new Intl.Segmenter().segment("a");
    return [getPrototypeOf(seg), getPrototypeOf(seg[Symbol.iterator]())];
  });
  return found;
}

/** Walks from `roots` through own properties (values and accessors) and prototypes, freezing each object. Returns how many. */
export function deepFreeze(roots: readonly unknown[]): number {
  const seen = new WeakSetCtor<object>();
  const queue: unknown[] = [];
  for (let i = 0; i < roots.length; i++) queue[queue.length] = roots[i];
  let count = 0;
  for (let q = 0; q < queue.length; q++) {
    const value = queue[q];
    if ((typeof value !== "object" && typeof value !== "function") || value === null) continue;
    if (reflectApply(weakSetHas, seen, [value])) continue;
    reflectApply(weakSetAdd, seen, [value]);
    try {
      freeze(value);
    } catch {
      // A typed array with elements cannot be frozen: it at least gets no new properties.
      preventExtensions(value);
    }
    count++;
    const proto = getPrototypeOf(value) as unknown;
    if (proto !== null) queue[queue.length] = proto;
    const keys = ownKeys(value);
    for (let k = 0; k < keys.length; k++) {
      const desc = getOwnPropertyDescriptor(value, keys[k] as PropertyKey);
      if (desc === undefined) continue;
      if ("value" in desc) queue[queue.length] = desc.value;
      else {
        queue[queue.length] = desc.get;
        queue[queue.length] = desc.set;
      }
    }
  }
  return count;
}

export interface LockdownOptions {
  /** Keep WebAssembly (an exercise that asks for it). Its memory is outside the isolate's heap limit. */
  webassembly: boolean;
}

/** Removes what a student must not have, then freezes the realm and `extraRoots`. */
export function lockdown(extraRoots: readonly unknown[], options: LockdownOptions): number {
  const g = globalThis as unknown as Obj;
  if (!options.webassembly) delete g.WebAssembly;
  enableOverrides(g);
  const count = deepFreeze([g, ...extraRoots, hiddenIntrinsics()]);
  if (!isFrozen(g)) throw new TypeErrorCtor("the global object could not be frozen");
  return count;
}
