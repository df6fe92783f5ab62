/** Every export of the student-facing `threading` module. */
export const THREADING_EXPORTS = [
  "Thread", "Lock", "Event", "Semaphore", "Queue", "Value",
  "sleep", "yieldThread", "currentThread", "now", "Full", "Empty", "RuntimeError", "intrinsics", "primordials",
] as const;

export type ThreadingExport = (typeof THREADING_EXPORTS)[number];

// Which names an exercise hides from the student's code is part of its manifest
// (`modules: { threading: { hide: [...] } }` in exercise.yaml), not of this package.

/** Source of a `threading` module that re-exports only the allowed names of `fromGlobal`. */
export function restrictedModuleSource(forbidden: readonly string[], fromGlobal = "__threading"): string {
  const allowed = THREADING_EXPORTS.filter((name) => !forbidden.includes(name));
  return `const m = globalThis[${JSON.stringify(fromGlobal)}]; export const { ${allowed.join(", ")} } = m;`;
}
