// Every URL the tool publishes to an LMS, from PUBLIC_URL, and the origins a platform's pages
// may frame us from.
import type { LtiPlatform } from "@autograder/db";

export interface ToolUrls {
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  deepLinkingUrl: string;
  canvasConfigUrl: string;
  domain: string;
}

export function toolUrls(publicUrl: string): ToolUrls {
  return {
    loginUrl: `${publicUrl}/lti/login`,
    launchUrl: `${publicUrl}/lti/launch`,
    jwksUrl: `${publicUrl}/lti/jwks`,
    // Deep linking requests come back to the same redirect URI; the message type tells them apart.
    deepLinkingUrl: `${publicUrl}/lti/launch`,
    canvasConfigUrl: `${publicUrl}/lti/canvas.json`,
    domain: new URL(publicUrl).host,
  };
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** Origins whose pages may frame the tool for this platform: issuer, auth URL and listed ones. */
export function platformFrameOrigins(platform: Pick<LtiPlatform, "issuer" | "authLoginUrl" | "frameOrigins">): string[] {
  const origins = [platform.issuer, platform.authLoginUrl, ...platform.frameOrigins.split(" ")].map(originOf).filter((o): o is string => o !== null);
  return [...new Set(origins)];
}

/** Canvas's developer key JSON ("Enter URL" or "Paste JSON" in Admin > Developer Keys > LTI Key). */
export function canvasConfig(publicUrl: string, title: string) {
  const urls = toolUrls(publicUrl);
  return {
    title,
    description: "Auto-graded coding exercises: launch an assignment, or pick exercises to add as assignments.",
    oidc_initiation_url: urls.loginUrl,
    target_link_uri: urls.launchUrl,
    public_jwk_url: urls.jwksUrl,
    scopes: [
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    ],
    extensions: [
      {
        domain: urls.domain,
        tool_id: "autograder",
        platform: "canvas.instructure.com",
        privacy_level: "public",
        settings: {
          text: title,
          placements: [
            {
              placement: "assignment_selection",
              message_type: "LtiDeepLinkingRequest",
              target_link_uri: urls.deepLinkingUrl,
              text: `${title}: pick exercises`,
            },
            {
              placement: "link_selection",
              message_type: "LtiDeepLinkingRequest",
              target_link_uri: urls.deepLinkingUrl,
              text: `${title}: pick exercises`,
            },
            { placement: "course_navigation", message_type: "LtiResourceLinkRequest", target_link_uri: urls.launchUrl, text: title, default: "disabled" },
          ],
        },
      },
    ],
    custom_fields: {},
  };
}
