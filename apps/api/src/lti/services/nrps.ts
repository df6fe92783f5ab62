// Names and Role Provisioning Services 2.0: every member of a context, following the
// `Link: <...>; rel="next"` pages.
import { Type, type Static } from "typebox";
import { Value } from "typebox/value";
import { fail, ok, type Result } from "./result.ts";
import { serviceCall } from "./service-call.ts";
import type { TokenClient, TokenPlatform } from "./token-client.ts";

export const NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
export const NRPS_MEDIA = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** A platform that keeps sending "next" (a loop, or a hostile one) stops here. */
export const MAX_PAGES = 500;

const Member = Type.Object(
  {
    user_id: Type.String({ minLength: 1, maxLength: 255 }),
    roles: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 }),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    name: Type.Optional(Type.String({ maxLength: 500 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
  },
  { additionalProperties: true },
);
export type NrpsMember = Static<typeof Member>;

const Container = Type.Object({ members: Type.Array(Type.Unknown()) }, { additionalProperties: true });

/** The URL of the `rel="next"` link in a Link header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2]!)) return match[1]!;
  }
  return null;
}

export interface Membership {
  members: NrpsMember[];
  /** Entries that did not match the member schema (skipped). */
  skipped: number;
  pages: number;
}

export async function fetchMembers(tokens: TokenClient, platform: TokenPlatform, membershipsUrl: string): Promise<Result<Membership>> {
  const origin = new URL(membershipsUrl).origin;
  const members: NrpsMember[] = [];
  let skipped = 0;
  let url: string | null = membershipsUrl;
  let pages = 0;
  while (url !== null) {
    if (++pages > MAX_PAGES) return fail("LTI_SERVICE_FAILED", `The member list of ${membershipsUrl} has more than ${MAX_PAGES} pages.`, false);
    const sent = await serviceCall(tokens, platform, [NRPS_SCOPE], url, { method: "GET", accept: NRPS_MEDIA });
    if (!sent.ok) return sent;
    const page: unknown = await sent.value.json().catch(() => null);
    if (!Value.Check(Container, page)) return fail("LTI_SERVICE_FAILED", `Page ${pages} of ${membershipsUrl} is not a membership container.`, false);
    for (const m of page.members) {
      if (Value.Check(Member, m)) members.push(m);
      else skipped++;
    }
    const next = nextLink(sent.value.headers.get("link"));
    // Our bearer token goes only to the platform that issued the memberships URL.
    if (next !== null && new URL(next, url).origin !== origin) {
      return fail("LTI_SERVICE_FAILED", `The next page of ${membershipsUrl} is on another host.`, false);
    }
    url = next === null ? null : new URL(next, url).toString();
  }
  return ok({ members, skipped, pages });
}
