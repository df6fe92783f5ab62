// A readable, bounded rendering of any value: for console output, test messages and diffs.
// Runs inside the isolates; uses captured built-ins only.

const { keys: objectKeys, getPrototypeOf, prototype: objectPrototype } = Object;
const { isArray } = Array;
const isView = ArrayBuffer.isView;
const MapCtor = Map;
const SetCtor = Set;
const DateCtor = Date;
const ErrorCtor = Error;
const stringify = JSON.stringify;
const StringCtor = String;

export interface InspectOptions {
  /** One item per line, indented, for values that do not fit on one line (diffs). */
  multiline?: boolean;
  maxItems?: number;
  maxDepth?: number;
  /** Strings print without quotes at the top level (console.log). */
  bareStrings?: boolean;
  /** Lets the caller show some objects differently (the sandbox's boxed numbers). */
  replace?: (value: unknown) => unknown;
  /** Longer strings (and keys) are cut, with a marker saying how much was elided. */
  maxString?: number;
}

const INDENT = "  ";

export function inspect(value: unknown, options: InspectOptions = {}): string {
  const maxItems = options.maxItems ?? 100;
  const maxDepth = options.maxDepth ?? 6;
  const maxString = options.maxString ?? Infinity;
  const clip = (text: string): string => (text.length <= maxString ? text : `${text.slice(0, maxString)}...[${text.length - maxString} more characters]`);
  const seen: unknown[] = [];
  const render = (raw: unknown, depth: number, indent: string): string => {
    const v = options.replace ? options.replace(raw) : raw;
    switch (typeof v) {
      case "string":
        return depth === 0 && options.bareStrings ? clip(v) : v.length <= maxString ? stringify(v) : `${stringify(v.slice(0, maxString))}...[${v.length - maxString} more characters]`;
      case "number":
        return v === 0 && 1 / v < 0 ? "-0" : StringCtor(v);
      case "bigint":
        return `${StringCtor(v)}n`;
      case "undefined":
        return "undefined";
      case "boolean":
        return v ? "true" : "false";
      case "symbol":
        return "Symbol()";
      case "function":
        return `[function ${typeof v.name === "string" && v.name !== "" ? v.name : "(anonymous)"}]`;
    }
    if (v === null) return "null";
    for (let i = 0; i < seen.length; i++) if (seen[i] === v) return "[Circular]";
    if (depth >= maxDepth) return isArray(v) ? "[Array]" : "[Object]";
    seen[seen.length] = v;
    try {
      let open = "{";
      let close = "}";
      let parts: string[] = [];
      let more = 0;
      const inner = indent + INDENT;
      if (isArray(v) || isView(v)) {
        const arr = v as ArrayLike<unknown>;
        open = isArray(v) ? "[" : `${(getPrototypeOf(v) as { constructor: { name: string } }).constructor.name} [`;
        close = "]";
        const n = arr.length;
        for (let i = 0; i < n && i < maxItems; i++) parts[parts.length] = render(arr[i], depth + 1, inner);
        more = n - parts.length;
      } else if (v instanceof MapCtor) {
        open = "Map {";
        v.forEach((val: unknown, key: unknown) => {
          if (parts.length < maxItems) parts[parts.length] = `${render(key, depth + 1, inner)} => ${render(val, depth + 1, inner)}`;
          else more++;
        });
      } else if (v instanceof SetCtor) {
        open = "Set {";
        v.forEach((val: unknown) => {
          if (parts.length < maxItems) parts[parts.length] = render(val, depth + 1, inner);
          else more++;
        });
      } else if (v instanceof DateCtor) {
        return `Date(${StringCtor((v as Date).getTime())})`;
      } else if (v instanceof ErrorCtor) {
        return `${StringCtor((v as Error).name)}: ${StringCtor((v as Error).message)}`;
      } else {
        const proto = getPrototypeOf(v) as { constructor?: { name?: unknown } } | null;
        const cls = proto === null || proto === objectPrototype ? "" : proto.constructor?.name;
        if (typeof cls === "string" && cls !== "" && cls !== "Object") open = `${cls} {`;
        const ks = objectKeys(v as object);
        for (let i = 0; i < ks.length && i < maxItems; i++) {
          const k = ks[i] as string;
          const key = /^[A-Za-z_$][\w$]*$/.test(k) ? clip(k) : stringify(clip(k));
          parts[parts.length] = `${key}: ${render((v as Record<string, unknown>)[k], depth + 1, inner)}`;
        }
        more = ks.length - parts.length;
      }
      if (more > 0) parts = [...parts, `... ${more} more`];
      if (parts.length === 0) return open.endsWith("[") ? `${open}]` : `${open}}`;
      const oneLine = open.endsWith("{") ? `${open} ${parts.join(", ")} ${close}` : `${open}${parts.join(", ")}${close}`;
      if (!options.multiline || (oneLine.length <= 60 && !oneLine.includes("\n"))) return oneLine;
      return `${open}\n${parts.map((p) => inner + p).join(",\n")}\n${indent}${close}`;
    } finally {
      seen.length--;
    }
  };
  return render(value, 0, "");
}
