// Every report is bounded, whatever the submission returned, threw or printed: texts are cut
// with a marker, oversized pictures are dropped, and the whole report stays under a size the
// grade CLI, the database and the browser can take.
import type { GradeReport, TestDetails, TestReport } from "@autograder/shared";

/** A test's message (or the grading's). */
export const MAX_MESSAGE_CHARS = 8 * 1024;
/** Each of a visible test's input, expected, actual and diff. */
export const MAX_DETAIL_CHARS = 16 * 1024;
/** A test's picture data, as JSON. */
export const MAX_VISUALIZATION_CHARS = 1024 * 1024;
/** The whole report, as JSON. */
export const MAX_REPORT_CHARS = 8 * 1024 * 1024;

export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}... [${text.length - max} more characters elided]`;
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

function boundDetails(details: TestDetails): TestDetails {
  const out: TestDetails = {};
  for (const key of ["input", "expected", "actual"] as const) {
    const v = details[key];
    if (typeof v === "string") out[key] = capText(v, MAX_DETAIL_CHARS);
    else if (v !== undefined && jsonLength(v) <= MAX_DETAIL_CHARS) out[key] = v;
  }
  if (typeof details.diff === "string") out.diff = capText(details.diff, MAX_DETAIL_CHARS);
  if (details.seed !== undefined) out.seed = details.seed;
  if (details.visualization !== undefined && jsonLength(details.visualization) <= MAX_VISUALIZATION_CHARS) out.visualization = details.visualization;
  return out;
}

function boundTest(t: TestReport): TestReport {
  const { details, ...rest } = t;
  const bounded: TestReport = { ...rest, message: capText(typeof t.message === "string" ? t.message : "", MAX_MESSAGE_CHARS) };
  return details === undefined ? bounded : { ...bounded, details: boundDetails(details) };
}

export function boundReport(report: GradeReport): GradeReport {
  const bounded: GradeReport = {
    ...report,
    tests: report.tests.map(boundTest),
    ...(report.message === undefined ? {} : { message: capText(report.message, MAX_MESSAGE_CHARS) }),
    ...(report.compileError ? { compileError: { ...report.compileError, message: capText(report.compileError.message, MAX_MESSAGE_CHARS) } } : {}),
  };
  // Still too large (many tests with pictures): drop pictures, then details, from the last test up.
  let total = jsonLength(bounded);
  for (const drop of ["visualization", "details"] as const) {
    for (let i = bounded.tests.length - 1; i >= 0 && total > MAX_REPORT_CHARS; i--) {
      const t = bounded.tests[i]!;
      if (t.details === undefined) continue;
      let smaller: TestReport;
      if (drop === "details") {
        const { details: _dropped, ...rest } = t;
        smaller = rest;
      } else {
        const { visualization: _dropped, ...rest } = t.details;
        smaller = { ...t, details: rest };
      }
      total -= jsonLength(t) - jsonLength(smaller);
      bounded.tests[i] = smaller;
    }
  }
  return bounded;
}
