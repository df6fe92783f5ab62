// Loads exercise folders into a test database the way the launcher does: described by the
// sandbox's describe CLI in a child process.
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "@autograder/db";
import { describeInChildProcess } from "@autograder/sandbox/describe-process";
import { syncExercises as sync, type SyncResult } from "../apps/api/src/exercises/catalog.ts";

/** The sandbox's fixture exercises (small, fast to grade). */
export const FIXTURES = fileURLToPath(new URL("../packages/sandbox/test/fixtures/exercises", import.meta.url));

export function syncExercises(prisma: PrismaClient, root: string): Promise<SyncResult> {
  return sync(prisma, root, describeInChildProcess);
}
