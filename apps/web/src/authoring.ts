// Pure logic of the authoring page: which files get a tab (and in what order), the template
// of a new exercise, adding and removing a mutant (file and exercise.yaml entry), reading a
// validation report, and regrade progress.
import type { RegradeSummary } from "@autograder/shared";
import type { StoredQuality } from "@autograder/shared/contracts";

export type ExerciseFiles = Record<string, string>;

export const FAMILIES = ["sorting", "sockets", "threading"] as const;
/** Same rule as the API's ExerciseIdParams: family/name, lowercase letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;
export const MUTANT_NAME = /^[A-Za-z0-9._-]+\.ts$/;

const FIXED_ORDER = ["exercise.yaml", "README.md", "starter.ts", "solution.ts", "tests.ts", "workload.ts"];

/** Tab order: the fixed files first (as the format lists them), then mutants by name, then the rest. */
export function fileOrder(files: ExerciseFiles): string[] {
  const names = Object.keys(files);
  const rank = (n: string) => {
    const i = FIXED_ORDER.indexOf(n);
    if (i >= 0) return i;
    return n.startsWith("mutants/") ? FIXED_ORDER.length : FIXED_ORDER.length + 1;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Monaco's language for a file of an exercise. */
export function languageOf(file: string): string {
  if (file.endsWith(".yaml") || file.endsWith(".yml")) return "yaml";
  if (file.endsWith(".md")) return "markdown";
  return "typescript";
}

/** Why an id cannot be used for a new exercise, or null when it can. */
export function idProblem(id: string): string | null {
  if (!ID_PATTERN.test(id)) return "Use family/name in lowercase letters, digits and dashes, e.g. sorting/my-exercise.";
  const family = id.split("/")[0] as string;
  if (!(FAMILIES as readonly string[]).includes(family)) return `The first part is the family: one of ${FAMILIES.join(", ")}.`;
  if (id.length > 200) return "At most 200 characters.";
  return null;
}

function titleFromId(id: string): string {
  const last = id.split("/").pop() ?? id;
  const words = last.split("-").filter(Boolean).join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A small, valid exercise to start from: a function, visible and hidden tests, one mutant. */
export function templateFiles(id: string): ExerciseFiles {
  const family = id.split("/")[0] ?? "sorting";
  const title = titleFromId(id);
  return {
    "exercise.yaml": `title: ${title}
family: ${family}
difficulty: easy
tags: []
exports: [sortIt]
limits: { testTimeoutMs: 1000, memoryMb: 32 }
mutants:
  - file: reversed.ts
    catches: [sorts a small array, negative numbers]
`,
    "README.md": `# ${title}

Write \`sortIt(arr)\`: it sorts an array of numbers in ascending order, in place, and returns it.

\`\`\`ts
sortIt([3, 1, 2]); // [1, 2, 3]
\`\`\`
`,
    "starter.ts": "export function sortIt(arr: number[]): number[] {\n  // TODO\n  return arr;\n}\n",
    "solution.ts": `export function sortIt(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 1; i++) {
    let m = i;
    for (let j = i + 1; j < arr.length; j++) if (arr[j]! < arr[m]!) m = j;
    if (m !== i) [arr[i], arr[m]] = [arr[m]!, arr[i]!];
  }
  return arr;
}
`,
    "tests.ts": `import { test, expect, student } from "judge";

test("sorts a small array", async () => {
  expect(await student.call("sortIt", [3, 1, 2])).toEqual([1, 2, 3]);
}, { hint: "Look at the example in the statement." });

test("negative numbers", async () => {
  expect(await student.call("sortIt", [5, -4, 0, -9])).toEqual([-9, -4, 0, 5]);
}, { hidden: true, weight: 2, hint: "Numbers can be negative." });
`,
    "mutants/reversed.ts": `export function sortIt(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 1; i++) {
    let m = i;
    for (let j = i + 1; j < arr.length; j++) if (arr[j]! > arr[m]!) m = j;
    if (m !== i) [arr[i], arr[m]] = [arr[m]!, arr[i]!];
  }
  return arr;
}
`,
  };
}

/** Test names declared in tests.ts (`test("name", ...)`), for a new mutant's `catches`. */
export function testNames(tests: string): string[] {
  const names: string[] = [];
  for (const m of tests.matchAll(/\btest\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g)) names.push(m[2] as string);
  return names;
}

const quoteYaml = (s: string) => (/^[\w .-]+$/.test(s) && !/^[-\d]/.test(s) ? s : JSON.stringify(s));

/**
 * Adds `mutants/<name>` (a copy of the solution to edit) and lists it in exercise.yaml, so the
 * exercise stays valid to save. The entry is appended to a top-level `mutants:` block list, or
 * a new block is added.
 */
export function addMutant(files: ExerciseFiles, name: string, catches: string[]): ExerciseFiles {
  if (!MUTANT_NAME.test(name)) throw new Error("A mutant's file name is letters, digits, dots, dashes or underscores, ending in .ts.");
  if (files[`mutants/${name}`] !== undefined) throw new Error(`mutants/${name} already exists.`);
  const yaml = files["exercise.yaml"] ?? "";
  const list = catches.length > 0 ? catches : ["TODO: a test this mutant fails"];
  const entry = `  - file: ${name}\n    catches: [${list.map(quoteYaml).join(", ")}]\n`;
  const lines = yaml.split("\n");
  const start = lines.findIndex((l) => /^mutants:\s*(\[\s*\])?\s*(#.*)?$/.test(l));
  let next: string;
  if (start < 0) {
    next = `${yaml}${yaml.endsWith("\n") || yaml === "" ? "" : "\n"}mutants:\n${entry}`;
  } else {
    lines[start] = "mutants:";
    let end = start + 1;
    while (end < lines.length && (/^\s+\S/.test(lines[end] as string) || /^-\s/.test(lines[end] as string))) end++;
    // Trailing blank lines inside the region stay after the new entry.
    lines.splice(end, 0, ...entry.trimEnd().split("\n"));
    next = lines.join("\n");
  }
  return { ...files, "exercise.yaml": next, [`mutants/${name}`]: files["solution.ts"] ?? "" };
}

/** Removes `mutants/<name>` and its exercise.yaml entry (the `- file: <name>` item and its lines). */
export function removeMutant(files: ExerciseFiles, name: string): ExerciseFiles {
  const rest = { ...files };
  delete rest[`mutants/${name}`];
  const lines = (files["exercise.yaml"] ?? "").split("\n");
  const at = lines.findIndex((l) => new RegExp(`^(\\s*)-\\s+file:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*(#.*)?$`).test(l));
  if (at >= 0) {
    const indent = /^(\s*)-/.exec(lines[at] as string)?.[1]?.length ?? 0;
    let end = at + 1;
    while (end < lines.length) {
      const l = lines[end] as string;
      const ind = /^(\s*)/.exec(l)?.[1]?.length ?? 0;
      if (l.trim() === "" || ind <= indent) break;
      end++;
    }
    lines.splice(at, end - at);
    // An emptied list: `mutants:` alone would be null, which the schema refuses.
    const head = lines.findIndex((l) => /^mutants:\s*$/.test(l));
    if (head >= 0 && !/^\s*-/.test(lines[head + 1] ?? "")) lines[head] = "mutants: []";
  }
  rest["exercise.yaml"] = lines.join("\n");
  return rest;
}

export interface ValidationCheck {
  what: string;
  ok: boolean;
  detail: string;
}

export interface ValidationResult {
  versionId: string;
  validation: "valid" | "invalid" | "pending";
  /** Gradings of the validation job finished, of `total` (0/0 until a grader worker starts it). */
  done?: number;
  total?: number;
  report: unknown;
}

/** "Validating: 3 of 5 gradings…" while the job runs. */
export function validationProgressText(r: Pick<ValidationResult, "done" | "total">): string {
  if (!r.total) return "Validating: waiting for a grader…";
  return `Validating: ${r.done ?? 0} of ${r.total} gradings (reference runs, starter, mutants)…`;
}

/** The checks of a validation report (the grader's, or a format failure's), tolerant of shape. */
export function reportChecks(report: unknown): ValidationCheck[] {
  if (typeof report !== "object" || report === null) return [];
  const checks = (report as { checks?: unknown }).checks;
  if (!Array.isArray(checks)) return [];
  return checks
    .filter((c): c is Record<string, unknown> => typeof c === "object" && c !== null)
    .map((c) => ({ what: String(c.what ?? "check"), ok: c.ok === true, detail: typeof c.detail === "string" ? c.detail : "" }));
}

/** The mutation score in a validation report (absent for invalid versions and older reports). */
export function reportQuality(report: unknown): StoredQuality | null {
  if (typeof report !== "object" || report === null) return null;
  const q = (report as { quality?: unknown }).quality;
  if (typeof q !== "object" || q === null) return null;
  const fields = q as Record<string, unknown>;
  const numbers = ["generated", "mutants", "killed", "equivalent", "survived", "score", "seconds"];
  if (!numbers.every((key) => typeof fields[key] === "number")) return null;
  if (!Array.isArray(fields.survivors) || typeof fields.requirements !== "object" || fields.requirements === null) return null;
  return q as StoredQuality;
}

export function validationText(validation: string): string {
  if (validation === "valid") return "Valid: the reference passes, the starter and every mutant fail as listed.";
  if (validation === "invalid") return "Not valid: see the failed checks.";
  return "Not validated yet (the grader validates each saved version).";
}

export interface RegradeProgress {
  id: string;
  exerciseId?: string;
  total: number;
  /** Submissions the regrade job has queued so far. */
  enqueued?: number;
  done: number;
  failed: number;
  /** Submissions another regrade was already grading. */
  skipped?: number;
  finished: boolean;
  summary?: RegradeSummary | null;
}

type Counts = Pick<RegradeProgress, "total" | "done" | "failed" | "skipped" | "finished">;
const handled = (p: Counts): number => Math.min(p.total, p.done + p.failed + (p.skipped ?? 0));

/** 0-100: regraded (graded, failed or skipped) out of the total; 100 when there is nothing to do. */
export function regradePercent(p: Counts): number {
  if (p.total <= 0) return 100;
  return Math.round((handled(p) / p.total) * 100);
}

export function regradeText(p: RegradeProgress): string {
  const n = handled(p);
  if (p.total === 0) return "Nothing to regrade: no submissions yet.";
  const failed = p.failed > 0 ? `, ${p.failed} failed` : "";
  const queued = !p.finished && p.enqueued !== undefined && p.enqueued < p.total ? ` (${p.enqueued} queued)` : "";
  return p.finished ? `Regrade finished: ${n} of ${p.total} submissions${failed}.` : `Regrading: ${n} of ${p.total} submissions${failed}${queued}…`;
}

/** "2 up, 1 down, 5 unchanged" for a finished regrade. */
export function regradeSummaryText(s: NonNullable<RegradeProgress["summary"]>): string {
  return `${s.up} up, ${s.down} down, ${s.unchanged} unchanged`;
}

export function confirmRegradeText(count: number): string {
  if (count === 0) return "No submission has a result yet: there is nothing to regrade.";
  return `${count} submission${count === 1 ? "" : "s"} will be regraded against the published version. Their scores may go up or down.`;
}

/** Files as the server stores them, equal regardless of key order. */
export function sameFiles(a: ExerciseFiles, b: ExerciseFiles): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[k] === a[k]);
}

/** The declaration Monaco uses for tests.ts's `import ... from "judge"` (types only, loose). */
export const JUDGE_DECLARATION = `declare module "judge" {
  export interface TestOptions { hidden?: boolean; weight?: number; hint?: string; [key: string]: unknown }
  export function test(name: string, fn: (context: any) => unknown, options?: TestOptions): void;
  export const expect: any;
  export const fc: any;
  export function fail(message?: string): never;
  export function generateInts(...args: any[]): number[];
  export function ascending(arr: readonly number[]): number[];
  export function seededInts(n: number, seed: number, min?: number, max?: number): number[];
  export function inspect(value: unknown, options?: { maxItems?: number; [key: string]: unknown }): string;
  export function property(arbitrary: any, predicate: (value: any) => unknown, options?: { numRuns?: number }): Promise<void>;
  export function drive(driver: string, scenario: string, params?: Record<string, unknown>, options?: Record<string, unknown>): Promise<any>;
  export const student: {
    run<T = unknown>(name: string, args: unknown[], options?: Record<string, unknown>): Promise<{ value: T; args: any[]; stats?: any; [key: string]: any }>;
    call<T = any>(name: string, ...args: unknown[]): Promise<T>;
    parallel(name: string, options: Record<string, unknown>): Promise<any>;
  };
}
`;
