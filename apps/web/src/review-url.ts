// The staff page that reviews one student's work on one assignment (pages/Review.tsx). The
// gradebook and the roster link to it through this builder, so the URL has one definition.
export interface ReviewTarget {
  courseId: string;
  assignmentId: string;
  userId: string;
  /** Opens this submission; the newest one otherwise. */
  submissionId?: string | null;
}

export const REVIEW_ROUTE = "/courses/:id/assignments/:assignmentId/students/:userId/review";

export function submissionReviewUrl({ courseId, assignmentId, userId, submissionId }: ReviewTarget): string {
  const e = encodeURIComponent;
  return `/courses/${e(courseId)}/assignments/${e(assignmentId)}/students/${e(userId)}/review${submissionId ? `?submission=${e(submissionId)}` : ""}`;
}
