// The assignment editor's logic: dates between the datetime-local inputs (the browser's time
// zone, which the form names) and the API (UTC instants); the exercise picker's filters; the
// form checked and turned into the API's body; extensions as the course page calls them.
import type { ExerciseSummary, ExtensionView, LatePolicyName } from "@autograder/shared";
import type { AssignmentInfo } from "./api-types.ts";
import { ASSIGNMENT_POINTS_MAX, LATE_PENALTY_PERCENT_MAX } from "@autograder/shared/course-limits";
import { api } from "./api.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** An API instant as a datetime-local value in the browser's time zone ("" for none). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (browser's time zone) as an API instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** "Europe/Paris, UTC+01:00": the zone the date inputs are read in. */
export function timeZoneLabel(at = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${zone}, UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface PickerFilter {
  query: string;
  family: string;
  difficulty: string;
  tag: string;
}

export const NO_FILTER: PickerFilter = { query: "", family: "", difficulty: "", tag: "" };

export function pickerOptions(list: ExerciseSummary[]): { families: string[]; difficulties: string[]; tags: string[] } {
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();
  return {
    families: sorted(list.map((e) => e.family)),
    difficulties: sorted(list.map((e) => e.difficulty)),
    tags: sorted(list.flatMap((e) => e.tags)),
  };
}

/** Exercises matching every set filter; the query looks in the id, title and tags. */
export function filterExercises(list: ExerciseSummary[], f: PickerFilter): ExerciseSummary[] {
  const q = f.query.trim().toLowerCase();
  return list.filter(
    (e) =>
      (!f.family || e.family === f.family) &&
      (!f.difficulty || e.difficulty === f.difficulty) &&
      (!f.tag || e.tags.includes(f.tag)) &&
      (!q || e.id.toLowerCase().includes(q) || e.title.toLowerCase().includes(q) || e.tags.some((t) => t.toLowerCase().includes(q))),
  );
}

export interface AssignmentForm {
  exerciseId: string;
  title: string;
  opensAt: string;
  dueAt: string;
  latePolicy: LatePolicyName;
  latePenaltyPercent: string;
  points: string;
}

export function formOf(a: AssignmentInfo | null): AssignmentForm {
  return {
    exerciseId: a?.exerciseId ?? "",
    title: a?.title ?? "",
    opensAt: toLocalInput(a?.opensAt),
    dueAt: toLocalInput(a?.dueAt),
    latePolicy: a?.latePolicy ?? "none",
    latePenaltyPercent: a && a.latePolicy === "percent_per_day" ? String(a.latePenaltyPercent) : "10",
    points: String(a?.points ?? 100),
  };
}

export interface AssignmentBody {
  exerciseId?: string;
  title: string | null;
  opensAt: string | null;
  dueAt: string | null;
  latePolicy: LatePolicyName;
  latePenaltyPercent: number;
  points: number;
}

/** The API body, or the first problem as a sentence (with the field it is about). */
export function assignmentBody(f: AssignmentForm, creating: boolean): { body: AssignmentBody } | { error: string; field: keyof AssignmentForm } {
  if (creating && !f.exerciseId) return { error: "Choose an exercise.", field: "exerciseId" };
  const opensAt = f.opensAt ? fromLocalInput(f.opensAt) : null;
  if (f.opensAt && opensAt === null) return { error: "The opening date is not a valid date and time.", field: "opensAt" };
  const dueAt = f.dueAt ? fromLocalInput(f.dueAt) : null;
  if (f.dueAt && dueAt === null) return { error: "The due date is not a valid date and time.", field: "dueAt" };
  if (opensAt && dueAt && Date.parse(dueAt) <= Date.parse(opensAt)) return { error: "The due date must be after the opening date.", field: "dueAt" };
  if (f.latePolicy !== "none" && !dueAt) return { error: "A late policy needs a due date.", field: "dueAt" };
  const percent = Number(f.latePenaltyPercent);
  if (f.latePolicy === "percent_per_day" && !(Number.isInteger(percent) && percent >= 1 && percent <= LATE_PENALTY_PERCENT_MAX)) {
    return { error: `The penalty per day must be a whole number from 1 to ${LATE_PENALTY_PERCENT_MAX}.`, field: "latePenaltyPercent" };
  }
  const points = Number(f.points);
  if (f.points.trim() === "" || !Number.isFinite(points) || points < 0 || points > ASSIGNMENT_POINTS_MAX) {
    return { error: `Points must be a number from 0 to ${ASSIGNMENT_POINTS_MAX}.`, field: "points" };
  }
  return {
    body: {
      ...(creating ? { exerciseId: f.exerciseId } : {}),
      title: f.title.trim() || null,
      opensAt,
      dueAt,
      latePolicy: f.latePolicy,
      latePenaltyPercent: f.latePolicy === "percent_per_day" ? percent : 0,
      points,
    },
  };
}

const course = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;

export const assignmentsApi = {
  create: (courseId: string, body: AssignmentBody) => api.post<AssignmentInfo>(`${course(courseId)}/assignments`, body),
  update: (courseId: string, id: string, body: AssignmentBody) => api.patch<AssignmentInfo>(`${course(courseId)}/assignments/${encodeURIComponent(id)}`, body),
  remove: (courseId: string, id: string) => api.del<void>(`${course(courseId)}/assignments/${encodeURIComponent(id)}`),
  extensions: (courseId: string, id: string) => api.get<ExtensionView[]>(`${course(courseId)}/assignments/${encodeURIComponent(id)}/extensions`),
  grant: (courseId: string, id: string, userId: string, body: { dueAt: string; reason: string | null }) =>
    api.put<ExtensionView>(`${course(courseId)}/assignments/${encodeURIComponent(id)}/extensions/${encodeURIComponent(userId)}`, body),
  revoke: (courseId: string, id: string, userId: string) => api.del<void>(`${course(courseId)}/assignments/${encodeURIComponent(id)}/extensions/${encodeURIComponent(userId)}`),
};

/** Field names of the assignment and extension bodies as a person reads them. */
export const ASSIGNMENT_LABELS = { exerciseId: "exercise", opensAt: "opening date", dueAt: "due date", latePenaltyPercent: "penalty per day", points: "points", reason: "reason" };
