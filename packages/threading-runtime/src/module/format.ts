import { JSONStringify, safeString, StringPrototypeSlice } from "@autograder/shared/primordials";

/** Short, deterministic rendering of a value for trace lines (the original JSON.stringify). */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSONStringify(value.length > 40 ? `${StringPrototypeSlice(value, 0, 37)}...` : value);
  if (typeof value === "function") return "[function]";
  if (value === undefined) return "undefined";
  let text: string;
  try {
    const json = JSONStringify(value) as string | undefined;
    text = typeof json === "string" ? json : safeString(value);
  } catch {
    text = safeString(value);
  }
  return text.length > 60 ? `${StringPrototypeSlice(text, 0, 57)}...` : text;
}
