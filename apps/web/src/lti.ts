// Shapes of the LTI admin and deep-linking routes (apps/api/src/lti) the web app reads.
export interface LtiPlatformView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  accessTokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  frameOrigins: string[];
  createdAt: string;
  updatedAt: string;
}

export type LtiPlatformInput = Omit<LtiPlatformView, "id" | "createdAt" | "updatedAt">;

export interface LtiToolView {
  urls: { loginUrl: string; launchUrl: string; jwksUrl: string; deepLinkingUrl: string; canvasConfigUrl: string; domain: string };
  keys: Array<{ kid: string; createdAt: string; retiredAt: string | null }>;
  canvas: unknown;
}

export interface DeepLinkView {
  id: string;
  courseId: string;
  courseTitle: string;
  acceptMultiple: boolean;
}

export type LatePolicy = "none" | "percent_per_day" | "no_credit_after_due";

/** What the picker holds per exercise: the datetime-local text of the due date, the late policy. */
export interface Pick {
  dueAt: string;
  latePolicy: LatePolicy;
  latePenaltyPercent: number;
}

/**
 * The body items of POST /api/lti/deep-links/:id: a due date (local time in the picker) as an
 * ISO instant; without one no late policy applies; a percentage only for percent_per_day.
 */
export function pickItems(picked: Readonly<Record<string, Pick>>) {
  return Object.entries(picked).map(([exerciseId, p]) => {
    const due = p.dueAt ? new Date(p.dueAt) : null;
    const dueAt = due && !Number.isNaN(due.getTime()) ? due.toISOString() : undefined;
    const latePolicy: LatePolicy = dueAt ? p.latePolicy : "none";
    return { exerciseId, ...(dueAt ? { dueAt } : {}), latePolicy, latePenaltyPercent: latePolicy === "percent_per_day" ? p.latePenaltyPercent : 0 };
  });
}

/** One line of text per item: "a, b\nc" -> ["a", "b", "c"], blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
