// The staff pages' calls (accounts, course settings, roster, invitations) and the pure logic
// they show: grade policy wording, a latest submission in words, the roster's columns.
import type { InvitationView, LatestSubmissionView, RosterItem, UserListItemView, UserRole } from "@autograder/shared";
import type { CourseInfo } from "./api-types.ts";
import { api, getPath } from "./api.ts";

export type GradePolicy = CourseInfo["gradePolicy"];
export type CourseRole = RosterItem["role"];

const course = (id: string) => `/api/courses/${encodeURIComponent(id)}`;

export const staffApi = {
  listUsers: (filter: { role: UserRole | ""; q: string }) => {
    const query = new URLSearchParams();
    if (filter.role) query.set("role", filter.role);
    if (filter.q.trim()) query.set("q", filter.q.trim());
    const qs = query.toString();
    return api.get<UserListItemView[]>(`/api/users${qs ? `?${qs}` : ""}`);
  },
  createUser: (body: { name: string; email: string; password: string; role: UserRole }) => api.post<{ id: string }>("/api/users", body),
  resetPassword: (userId: string, password: string) => api.post<void>(`/api/users/${encodeURIComponent(userId)}/password`, { password }),
  createCourse: (body: { title: string; gradePolicy: GradePolicy; ownerId?: string }) => api.post<{ id: string; joinCode: string }>("/api/courses", body),
  course: (id: string) => getPath("/api/courses/{id}", { id }),
  updateCourse: (id: string, patch: { title?: string; gradePolicy?: GradePolicy; archived?: boolean }) => api.patch<CourseInfo>(course(id), patch),
  rotateJoinCode: (id: string) => api.post<{ joinCode: string }>(`${course(id)}/join-code`),
  roster: (id: string) => api.get<RosterItem[]>(`${course(id)}/enrollments`),
  removeMember: (id: string, userId: string) => api.del<void>(`${course(id)}/enrollments/${encodeURIComponent(userId)}`),
  latestSubmissions: (id: string) => api.get<LatestSubmissionView[]>(`${course(id)}/latest-submissions`),
  invitations: (id: string) => api.get<InvitationView[]>(`${course(id)}/invitations`),
  invite: (id: string, email: string, role: CourseRole) => api.post<InvitationView>(`${course(id)}/enrollments`, { email, role }),
  withdrawInvitation: (id: string, invitationId: string) => api.del<void>(`${course(id)}/invitations/${encodeURIComponent(invitationId)}`),
};

export const GRADE_POLICIES: readonly { value: GradePolicy; label: string }[] = [
  { value: "best", label: "Best graded submission counts" },
  { value: "last", label: "Last graded submission counts" },
];

export const ROLE_NAMES: Record<UserRole, string> = { admin: "Admin", instructor: "Instructor", student: "Student" };

/** "80% · failed", "Queued", "Grading", "Grader error": a latest submission in a few words. */
export function latestText(s: Pick<LatestSubmissionView, "status" | "verdict" | "score">): string {
  if (s.status === "queued") return "Queued";
  if (s.status === "running") return "Grading";
  if (s.status === "error") return "Grader error";
  const score = s.score === null ? "—" : `${Math.round(s.score)}%`;
  return s.verdict ? `${score} · ${s.verdict.replace(/_/g, " ")}` : score;
}

/** The latest submissions by student, then assignment. */
export function latestByStudent(items: readonly LatestSubmissionView[]): Map<string, Map<string, LatestSubmissionView>> {
  const out = new Map<string, Map<string, LatestSubmissionView>>();
  for (const item of items) {
    let row = out.get(item.userId);
    if (!row) out.set(item.userId, (row = new Map()));
    row.set(item.assignmentId, item);
  }
  return out;
}
