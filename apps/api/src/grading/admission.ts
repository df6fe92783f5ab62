// Admission control for runs and submissions: at most MAX_IN_FLIGHT of one user queued or
// running and MAX_PER_MINUTE created a minute. The count and the insert happen in one
// transaction holding a per-user advisory lock, so concurrent requests of one user are
// admitted one after the other and the limits hold exactly (other users are not serialised).
// Within one API process a user's requests also queue in memory first, so a burst from one
// student holds one database connection, not the whole pool, while it waits.
import type { Prisma, PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";

/** A user's submissions waiting or being graded at once (fairness: one student cannot fill the queue). */
export const MAX_IN_FLIGHT = 3;
/** Runs and submissions per user per minute. */
export const MAX_PER_MINUTE = 30;

/** Arbitrary constant naming this lock space (the first key of the two-key advisory lock). */
const ADMISSION_LOCK = 0x61646d;

/** Requests of one user waiting in this process; beyond this many the answer is 429 at once. */
const MAX_WAITING = MAX_PER_MINUTE;
const queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();

/** Runs `task` after every earlier task of the same key in this process. */
async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const queue = queues.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
  if (queue.waiting >= MAX_WAITING) throw new AppError("RATE_LIMITED", "Too many submissions at once; wait a moment.");
  queue.waiting++;
  queues.set(key, queue);
  const run = queue.tail.then(task, task);
  queue.tail = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    if (--queue.waiting === 0) queues.delete(key);
  }
}

/**
 * Inserts the submission described by `data` if the user is under both limits; throws
 * TOO_MANY_IN_FLIGHT or RATE_LIMITED otherwise. Returns the new submission's id.
 */
export async function admitSubmission(prisma: PrismaClient, data: Prisma.SubmissionUncheckedCreateInput, now = new Date()): Promise<string> {
  return oneAtATime(data.userId, () => admitLocked(prisma, data, now));
}

/** The admission itself, serialised by the database lock alone (what separate API processes share). */
export async function admitLocked(prisma: PrismaClient, data: Prisma.SubmissionUncheckedCreateInput, now: Date): Promise<string> {
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
