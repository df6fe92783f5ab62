// The grade CLI's readable report.
import type { GradeReport } from "@autograder/shared";

const MARK: Record<string, string> = { passed: "PASS", failed: "FAIL" };

export function formatReport(report: GradeReport): string {
  const lines: string[] = [];
  lines.push(`${report.exerciseId}: ${report.status.toUpperCase()}  score ${report.score}/${report.maxScore}  (${report.durationMs} ms)`);
  if (report.compileError) lines.push(`  compile error at line ${report.compileError.line}, column ${report.compileError.column}: ${report.compileError.message}`);
  else if (report.message) lines.push(`  ${report.message}`);
  for (const t of report.tests) {
    const mark = t.passed ? MARK.passed : (t.verdict?.toUpperCase() ?? MARK.failed);
    lines.push(`  ${mark}  ${t.name}${t.hidden ? " (hidden)" : ""}  ${t.points}/${t.maxPoints}${t.hidden ? "" : `  ${t.durationMs} ms`}`);
    if (!t.passed && t.message) for (const l of t.message.split("\n")) lines.push(`        ${l}`);
    const d = t.details;
    if (!t.passed && d) {
      if (typeof d.input === "string") lines.push(`        input:    ${d.input}`);
      if (typeof d.diff === "string") for (const l of d.diff.split("\n").slice(0, 40)) lines.push(`        ${l}`);
      if (d.seed !== undefined) lines.push(`        replay seed: ${String(d.seed)}`);
    }
  }
  if (report.stdout) {
    lines.push("  console output:");
    for (const l of report.stdout.split("\n").slice(0, 50)) lines.push(`    ${l}`);
  }
  return lines.join("\n");
}
