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

/** One line of text per item: "a, b\nc" -> ["a", "b", "c"], blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
