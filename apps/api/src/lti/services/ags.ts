// Assignment and Grade Services 2.0: find or create a line item, post a Score.
import { Type, type Static } from "typebox";
import { Value } from "typebox/value";
import { fail, ok, type Result } from "./result.ts";
import { serviceCall } from "./service-call.ts";
import type { TokenClient, TokenPlatform } from "./token-client.ts";

export const AGS_SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  resultReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
} as const;

export const AGS_MEDIA = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
} as const;

export interface Score {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  comment?: string;
  /** ISO 8601 with milliseconds and zone. */
  timestamp: string;
  activityProgress: "Initialized" | "Started" | "InProgress" | "Submitted" | "Completed";
  gradingProgress: "FullyGraded" | "Pending" | "PendingManual" | "Failed" | "NotReady";
}

const LineItem = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    scoreMaximum: Type.Optional(Type.Number()),
    label: Type.Optional(Type.String()),
    resourceLinkId: Type.Optional(Type.String()),
    resourceId: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
export type LineItem = Static<typeof LineItem>;

/** The scores endpoint of a line item: its URL with `/scores` appended to the path (query kept). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

export async function postScore(tokens: TokenClient, platform: TokenPlatform, lineItemUrl: string, score: Score): Promise<Result<void>> {
  const sent = await serviceCall(tokens, platform, [AGS_SCOPE.score], scoresUrl(lineItemUrl), {
    method: "POST",
    contentType: AGS_MEDIA.score,
    body: JSON.stringify(score),
  });
  if (!sent.ok) return sent;
  await sent.value.body?.cancel();
  return ok(undefined);
}

/**
 * The line item of a resource link in the context's container: one whose resourceLinkId (or
 * resourceId, our assignment id) matches; created when there is none.
 */
export async function findOrCreateLineItem(
  tokens: TokenClient,
  platform: TokenPlatform,
  lineItemsUrl: string,
  wanted: { resourceLinkId: string; resourceId: string; label: string; scoreMaximum: number },
): Promise<Result<LineItem>> {
  const scopes = [AGS_SCOPE.lineItem];
  const query = new URL(lineItemsUrl);
  query.searchParams.set("resource_link_id", wanted.resourceLinkId);
  const listed = await serviceCall(tokens, platform, scopes, query.toString(), { method: "GET", accept: AGS_MEDIA.lineItemContainer });
  if (!listed.ok) return listed;
  const items: unknown = await listed.value.json().catch(() => null);
  if (!Array.isArray(items)) return fail("LTI_SERVICE_FAILED", `The line item list of ${lineItemsUrl} is not an array.`, false);
  const found = items.find(
    (item): item is LineItem => Value.Check(LineItem, item) && (item.resourceLinkId === wanted.resourceLinkId || item.resourceId === wanted.resourceId),
  );
  if (found) return ok(found);
  const created = await serviceCall(tokens, platform, scopes, lineItemsUrl, {
    method: "POST",
    accept: AGS_MEDIA.lineItem,
    contentType: AGS_MEDIA.lineItem,
    body: JSON.stringify(wanted),
  });
  if (!created.ok) return created;
  const item: unknown = await created.value.json().catch(() => null);
  if (!Value.Check(LineItem, item)) return fail("LTI_SERVICE_FAILED", `The line item created at ${lineItemsUrl} has no id.`, false);
  return ok(item);
}
