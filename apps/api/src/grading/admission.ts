// Admission control for runs and submissions: at most MAX_IN_FLIGHT of one user queued or
// running and MAX_PER_MINUTE created a minute. The count and the insert happen in one
// transaction holding a per-user advisory lock, so concurrent requests of one user are
// admitted one after the other and the limits hold exactly (other users are not serialised).
import type { Prisma, PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";

/** A user's submissions waiting or being graded at once (fairness: one student cannot fill the queue). */
export const MAX_IN_FLIGHT = 3;
/** Runs and submissions per user per minute. */
export const MAX_PER_MINUTE = 30;

/** Arbitrary constant naming this lock space (the first key of the two-key advisory lock). */
const ADMISSION_LOCK = 0x61646d;

/**
 * Inserts the submission described by `data` if the user is under both limits; throws
 * TOO_MANY_IN_FLIGHT or RATE_LIMITED otherwise. Returns the new submission's id.
 */
export async function admitSubmission(prisma: PrismaClient, data: Prisma.SubmissionUncheckedCreateInput, now = new Date()): Promise<string> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMISSION_LOCK}::int4, hashtext(${data.userId}))`;
      const inFlight = await tx.submission.count({ where: { userId: data.userId, status: { in: ["queued", "running"] } } });
      if (inFlight >= MAX_IN_FLIGHT) throw new AppError("TOO_MANY_IN_FLIGHT");
      const lastMinute = await tx.submission.count({ where: { userId: data.userId, createdAt: { gt: new Date(now.getTime() - 60_000) } } });
      if (lastMinute >= MAX_PER_MINUTE) throw new AppError("RATE_LIMITED", `At most ${MAX_PER_MINUTE} runs and submissions a minute; wait a moment.`);
      const created = await tx.submission.create({ data: { ...data, createdAt: now }, select: { id: true } });
      return created.id;
    },
    // Requests of one user queue on the lock; each holds it for a few milliseconds.
    { maxWait: 10_000, timeout: 10_000 },
  );
}
