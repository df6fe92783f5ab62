// A student's timeline (GET /api/courses/:id/students/:userId/timeline) as the page draws it:
// points in time with a score in percent, runs and submits apart, a summary per exercise.
import type { TimelineEntry } from "@autograder/shared";

export type { TimelineEntry };

export interface TimelinePoint {
  entry: TimelineEntry;
  /** 0..1 across the time axis. */
  x: number;
  /** Score in percent (late penalty applied for submits), null when not graded. */
  percent: number | null;
}

export function entryPercent(e: TimelineEntry): number | null {
  if (e.status !== "graded" || e.score === null || !e.maxScore) return null;
  const score = e.kind === "submit" && e.finalScore !== null ? e.finalScore : e.score;
  return Math.max(0, Math.min(100, Math.round((score / e.maxScore) * 100)));
}

/** Points placed by time (oldest left); a single moment sits in the middle. */
export function timelinePoints(entries: TimelineEntry[]): TimelinePoint[] {
  const times = entries.map((e) => new Date(e.createdAt).getTime()).filter((t) => !Number.isNaN(t));
  const min = Math.min(...times);
  const max = Math.max(...times);
  return entries.map((entry) => {
    const t = new Date(entry.createdAt).getTime();
    const x = max > min && !Number.isNaN(t) ? (t - min) / (max - min) : 0.5;
    return { entry, x, percent: entryPercent(entry) };
  });
}

export interface ExerciseSummaryLine {
  exerciseId: string;
  runs: number;
  submits: number;
  best: number | null;
  last: number | null;
  first: string;
  lastAt: string;
}

/** Per exercise: how many runs and submits, the best and the last submit's percent. */
export function summarizeTimeline(entries: TimelineEntry[]): ExerciseSummaryLine[] {
  const by = new Map<string, ExerciseSummaryLine>();
  for (const e of [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    let s = by.get(e.exerciseId);
    if (!s) {
      s = { exerciseId: e.exerciseId, runs: 0, submits: 0, best: null, last: null, first: e.createdAt, lastAt: e.createdAt };
      by.set(e.exerciseId, s);
    }
    s.lastAt = e.createdAt;
    if (e.kind === "run") s.runs++;
    else {
      s.submits++;
      const p = entryPercent(e);
      if (p !== null) {
        s.last = p;
        s.best = s.best === null ? p : Math.max(s.best, p);
      }
    }
  }
  return [...by.values()];
}
