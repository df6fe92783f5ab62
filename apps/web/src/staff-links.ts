// In-app links to staff pages owned elsewhere, in one place so they are easy to retarget.

/** The staff view of one student's submission (code, full report, history). */
export const staffSubmissionUrl = (courseId: string, submissionId: string) =>
  `/courses/${encodeURIComponent(courseId)}/submissions/${encodeURIComponent(submissionId)}`;
