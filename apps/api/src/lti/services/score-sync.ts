// The grade passback job: the student's counted score on an assignment (grade policy and
// late penalty applied, as the gradebook shows it) posted to the LMS line item as a Score.
// The score is read when the job runs, so a job that runs late still sends the newest one.
import type { PrismaClient } from "@autograder/db";
import { loadSubmits, standing } from "../../reports/course-data.ts";
import { AGS_SCOPE, findOrCreateLineItem, postScore, type Score } from "./ags.ts";
import { fail, ok, type Result, type ServiceError } from "./result.ts";
import type { TokenClient } from "./token-client.ts";

export interface JobAttempt {
  retryCount: number;
  retryLimit: number;
}

export type ScoreSyncOutcome = "synced" | "nothing-to-send" | "failed" | "retrying";

/** Thrown so that pg-boss retries the job with back-off. */
export class RetryLater extends Error {}

/** The scopes of the launch's AGS claim as stored: space- or comma-separated, or a JSON array. */
export function scopeList(scopes: string): string[] {
  if (scopes.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(scopes);
      if (Array.isArray(parsed)) return parsed.filter((s): s is string => typeof s === "string");
    } catch {
      // Not JSON after all: read it as a list.
    }
  }
  return scopes.split(/[\s,]+/).filter((s) => s !== "");
}

/** Strictly after the previous timestamp, even when the clock did not move (or went back). */
export function nextTimestamp(now: Date, last: Date | null): Date {
  return last !== null && now.getTime() <= last.getTime() ? new Date(last.getTime() + 1) : now;
}

export async function syncScore(
  prisma: PrismaClient,
  tokens: TokenClient,
  target: { assignmentId: string; userId: string },
  attempt: JobAttempt,
  now: () => Date = () => new Date(),
): Promise<ScoreSyncOutcome> {
  const { assignmentId, userId } = target;
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    include: { course: { select: { gradePolicy: true } }, exercise: { select: { title: true } } },
  });
  const link = await prisma.ltiResourceLink.findFirst({
    where: { assignmentId },
    include: { ltiContext: { include: { platform: true } } },
    // A link that already has its column first.
    orderBy: [{ lineItemUrl: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
  const submits = assignment === null ? [] : await loadSubmits(prisma, [assignmentId], [userId]);
  const counted = assignment === null ? null : standing({ ...assignment, title: assignment.title ?? assignment.exercise.title }, submits, assignment.course.gradePolicy).counted;
  if (assignment === null || link === null || counted === null) {
    // A row that "sync again" set pending must not stay pending.
    const why = link === null ? fail("LTI_NO_LINE_ITEM", null, false) : fail("LTI_NOTHING_TO_SEND", null, false);
    await prisma.ltiScoreSync.updateMany({ where: { assignmentId, userId, status: "pending" }, data: { status: "failed", lastError: why.error.message, lastErrorCode: why.error.code } });
    return "nothing-to-send";
  }

  const context = link.ltiContext;
  const platform = context.platform;
  const scoreMaximum = 100;
  const base = { lineItemUrl: link.lineItemUrl ?? context.lineItemsUrl ?? "", scoreGiven: counted.percent, scoreMaximum };
  const row = await prisma.ltiScoreSync.upsert({
    where: { assignmentId_userId: { assignmentId, userId } },
    create: { assignmentId, userId, ...base },
    update: base,
  });

  const record = async (error: ServiceError): Promise<ScoreSyncOutcome> => {
    const last = !error.retryable || attempt.retryCount >= attempt.retryLimit;
    await prisma.ltiScoreSync.update({
      where: { id: row.id },
      data: { status: last ? "failed" : "pending", lastError: error.message, lastErrorCode: error.code },
    });
    return last ? "failed" : "retrying";
  };

  const granted = scopeList(context.agsScopes);
  if (!granted.includes(AGS_SCOPE.score)) return record(fail("LTI_SCOPE_MISSING", "The launches did not grant the AGS score scope.", false).error);

  const lms = await lmsUser(prisma, platform.id, context.id, userId);
  if (!lms.ok) return record(lms.error);

  let lineItemUrl = link.lineItemUrl;
  if (lineItemUrl === null) {
    if (context.lineItemsUrl === null || !granted.includes(AGS_SCOPE.lineItem)) return record(fail("LTI_NO_LINE_ITEM", null, false).error);
    const item = await findOrCreateLineItem(tokens, platform, context.lineItemsUrl, {
      resourceLinkId: link.resourceLinkId,
      resourceId: assignmentId,
      label: assignment.title ?? assignment.exercise.title,
      scoreMaximum,
    });
    if (!item.ok) return record(item.error);
    lineItemUrl = item.value.id;
    await prisma.ltiResourceLink.update({ where: { id: link.id }, data: { lineItemUrl } });
  }

  // Kept before sending: a Score the platform took but whose answer we lost still moves the clock.
  const timestamp = nextTimestamp(now(), row.lastTimestamp);
  await prisma.ltiScoreSync.update({ where: { id: row.id }, data: { lineItemUrl, lastTimestamp: timestamp, attempts: { increment: 1 } } });
  const score: Score = {
    userId: lms.value,
    scoreGiven: counted.percent,
    scoreMaximum,
    timestamp: timestamp.toISOString(),
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    ...(counted.latePenaltyPercent > 0 ? { comment: `Late: ${counted.latePenaltyPercent}% off a score of ${counted.rawPercent}%.` } : {}),
  };
  const posted = await postScore(tokens, platform, lineItemUrl, score);
  if (!posted.ok) return record(posted.error);
  await prisma.ltiScoreSync.update({
    where: { id: row.id },
    data: { status: "synced", syncedAt: now(), lastError: null, lastErrorCode: null },
  });
  return "synced";
}

/** The student's LMS user id: from their launches, else from the roster. */
async function lmsUser(prisma: PrismaClient, platformId: string, ltiContextId: string, userId: string): Promise<Result<string>> {
  const link = await prisma.ltiUserLink.findFirst({ where: { platformId, userId }, orderBy: { createdAt: "asc" } });
  if (link) return ok(link.sub);
  const member = await prisma.ltiMember.findFirst({ where: { ltiContextId, userId } });
  if (member) return ok(member.sub);
  return fail("LTI_NO_LMS_ACCOUNT", null, false);
}
