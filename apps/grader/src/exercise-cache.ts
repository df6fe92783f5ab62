// Exercise versions are immutable: each is read from the database once per worker process.
import type { PrismaClient } from "@autograder/db";
import { buildExercise, type Exercise } from "@autograder/exercise-format";
import { parseContract, StoredFiles } from "@autograder/shared/contracts";

const MAX_CACHED = 200;
const cache = new Map<string, Exercise>();

export async function exerciseVersion(prisma: PrismaClient, versionId: string): Promise<Exercise> {
  const hit = cache.get(versionId);
  if (hit !== undefined) return hit;
  const version = await prisma.exerciseVersion.findUniqueOrThrow({ where: { id: versionId }, select: { exerciseId: true, files: true } });
  const exercise = buildExercise(version.exerciseId, parseContract(StoredFiles, version.files, `exercise version ${versionId} files`));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(versionId, exercise);
  return exercise;
}
