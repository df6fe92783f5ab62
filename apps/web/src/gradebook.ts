// The gradebook as the table draws it: one row per student, one column per assignment,
// scores 0-100 (the API applies the course's best/last policy and late penalties).
import type { GradebookView } from "./api-types.ts";

export interface GradebookColumn {
  id: string;
  title: string;
  exerciseId: string;
  /** What the assignment is worth; cells show points out of it. */
  points: number;
}

export interface GradebookRow {
  id: string;
  name: string;
  email: string;
  scores: Record<string, number | null>;
  /** Per assignment: the score scaled to the assignment's points. */
  points: Record<string, number | null>;
  /** Per assignment: the submission that counts, and whether there is any work to review. */
  submissions: Record<string, { counted: string | null; attempts: number }>;
  total: number;
}

export interface Gradebook {
  columns: GradebookColumn[];
  rows: GradebookRow[];
}

export function toGradebook(view: GradebookView): Gradebook {
  return {
    columns: view.assignments.map((a) => ({ id: a.id, title: a.title, exerciseId: a.exerciseId, points: a.points })),
    rows: view.students.map((s) => ({
      id: s.userId,
      name: s.name,
      email: s.email,
      scores: Object.fromEntries(s.cells.map((c) => [c.assignmentId, c.score])),
      points: Object.fromEntries(s.cells.map((c) => [c.assignmentId, c.points])),
      submissions: Object.fromEntries(s.cells.map((c) => [c.assignmentId, { counted: c.submissionId, attempts: c.attempts }])),
      total: s.total,
    })),
  };
}

export type SortKey = "name" | "email" | "total" | `a:${string}`;

export function sortRows(rows: GradebookRow[], key: SortKey, dir: 1 | -1): GradebookRow[] {
  const value = (r: GradebookRow): string | number => (key === "name" ? r.name.toLowerCase() : key === "email" ? r.email.toLowerCase() : key === "total" ? r.total : (r.scores[key.slice(2)] ?? -1));
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return c * dir || a.name.localeCompare(b.name);
  });
}

export function filterRows(rows: GradebookRow[], query: string): GradebookRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q));
}

export const formatScore = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v * 10) / 10}`);
