// The arguments of a custom run, checked the same way in the browser (before sending) and in
// the API and the sandbox. No runtime dependency: the web app imports this file alone
// ("@autograder/shared/custom-args").

/** The arguments' JSON text, at most this many bytes (UTF-8). */
export const MAX_CUSTOM_ARGS_BYTES = 16 * 1024;
/** At most this many arguments, nested at most this deep. */
export const MAX_CUSTOM_ARGS = 8;
export const MAX_CUSTOM_DEPTH = 32;
/** Families whose exports can be called on typed arguments (see docs/decisions.md). */
export const CUSTOM_RUN_FAMILIES = ["sorting"] as const;

/** The parsed arguments, or why they are refused, in a sentence (the browser and the sandbox both check). */
export function checkCustomArgs(text: string): { args: unknown[] } | { error: string } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CUSTOM_ARGS_BYTES) return { error: `The arguments are ${bytes} bytes; at most ${MAX_CUSTOM_ARGS_BYTES} are allowed.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `The arguments are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(value)) return { error: "Write the arguments as a JSON array, one element per argument: [[3, 1, 2]] calls f([3, 1, 2])." };
  if (value.length > MAX_CUSTOM_ARGS) return { error: `At most ${MAX_CUSTOM_ARGS} arguments.` };
  const tooDeep = (v: unknown, depth: number): boolean => {
    if (depth > MAX_CUSTOM_DEPTH) return true;
    if (typeof v !== "object" || v === null) return false;
    return Object.values(v).some((c) => tooDeep(c, depth + 1));
  };
  if (tooDeep(value, 0)) return { error: `The arguments are nested more than ${MAX_CUSTOM_DEPTH} levels deep.` };
  return { args: value };
}
