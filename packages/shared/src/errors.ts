// The one catalog of error codes shared by the API, the CLI and the web app.
// Every failure a user can see is an AppError with a stable code from this table,
// serialized as {"error": {"code", "message"}}. Add new codes here, never inline.

export const ERRORS = {
  VALIDATION: { status: 400, message: "The request is not valid." },
  BAD_JSON: { status: 400, message: "The request body is not valid JSON." },
  UNAUTHENTICATED: { status: 401, message: "Log in to do this." },
  BAD_CREDENTIALS: { status: 401, message: "The email or password is wrong." },
  CSRF_INVALID: {
    status: 403,
    message: "Missing or invalid CSRF token: fetch GET /api/auth/csrf and send it in the x-csrf-token header.",
  },
  FORBIDDEN: { status: 403, message: "You are not allowed to do this." },
  NOT_FOUND: { status: 404, message: "Not found." },
  ROUTE_NOT_FOUND: { status: 404, message: "No such route." },
  JOIN_CODE_INVALID: { status: 404, message: "No course has this join code; check it with your instructor." },
  CONFLICT: { status: 409, message: "This conflicts with existing data." },
  ALREADY_ENROLLED: { status: 409, message: "This user is already enrolled in the course." },
  ASSIGNMENT_EXISTS: { status: 409, message: "This exercise is already assigned in this course." },
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  CODE_TOO_LARGE: { status: 413, message: "The code is over the 64 KB limit; shorten it." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json." },
  EXERCISE_INVALID: { status: 422, message: "The exercise is not valid." },
  NOT_PUBLISHABLE: { status: 422, message: "Only a version that passed validation can be published." },
  EXERCISE_NOT_PUBLISHED: {
    status: 422,
    message: "This exercise has no published version; publish a valid version before assigning it.",
  },
  CUSTOM_RUN_UNSUPPORTED: {
    status: 422,
    message: "Custom input is not available for this exercise's family; use Run instead.",
  },
  ASSIGNMENT_CLOSED: { status: 422, message: "This assignment is not open for submissions." },
  RATE_LIMITED: { status: 429, message: "Too many requests; wait a moment and try again." },
  TOO_MANY_IN_FLIGHT: {
    status: 429,
    message: "You already have submissions waiting to be graded; wait for them to finish.",
  },
  /** Stored in a submission's report (status `error`) when grading failed on our side. */
  GRADER_FAILED: {
    status: 500,
    message: "The grader could not grade this submission. Try again; if it happens again, tell your instructor.",
  },
  /** Shown in a submission's report when its stored result does not match the report contract. */
  REPORT_UNREADABLE: {
    status: 500,
    message: "The stored result of this submission could not be read. Submit again; if it happens again, tell your instructor.",
  },
  // LTI Advantage services (grade passback, roster): stored as a sync's last error or returned by the routes.
  LTI_NOT_LINKED: { status: 409, message: "This course is not linked to an LMS course; launch the tool from the LMS first." },
  LTI_NO_LINE_ITEM: {
    status: 409,
    message: "This assignment has no LMS gradebook column, and the LMS did not allow the tool to create one.",
  },
  LTI_NO_LMS_ACCOUNT: { status: 409, message: "This student has not opened the tool from the LMS yet, so the LMS does not know who they are." },
  LTI_NOTHING_TO_SEND: { status: 409, message: "This student has no graded submission on this assignment to send to the LMS." },
  LTI_SCOPE_MISSING: { status: 409, message: "The LMS did not grant the tool the permission this needs." },
  LTI_TOKEN_FAILED: { status: 502, message: "The LMS refused the tool's access token request." },
  LTI_SERVICE_FAILED: { status: 502, message: "The LMS service did not accept the request." },
  LTI_SERVICE_UNREACHABLE: { status: 503, message: "The LMS could not be reached; the tool will try again." },
  DB_UNAVAILABLE: { status: 503, message: "The database is unavailable; try again shortly." },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = "AppError";
    this.statusCode = ERRORS[code].status;
  }

  toBody(): ErrorBody {
    const error: ErrorBody["error"] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}
