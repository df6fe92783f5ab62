// Loads exercises/ into the database at start: each exercise is a row, each distinct content
// a new immutable version. Repository exercises are trusted (CI validates them with
// `npm run exercises:validate`) and published as they load.
import type { PrismaClient } from "@autograder/db";
import { loadExercises, type Exercise } from "@autograder/exercise-format";
import { checkContract, ContractError, ExerciseDescription, type DescribeOutput } from "@autograder/shared/contracts";

/** What the catalog stores next to the manifest, computed outside the API process. */
export type Catalog = ExerciseDescription;

/**
 * Describes exercises (loads their tests.ts in judge isolates): never in the API's process, and
 * not by the API's code either. The launcher passes the sandbox's `describeInChildProcess`.
 */
export type Describer = (root: string, ids: readonly string[]) => Promise<DescribeOutput>;

export interface SyncResult {
  loaded: number;
  newVersions: string[];
  failed: Array<{ id: string; error: string }>;
}

export async function syncExercises(prisma: PrismaClient, root: string, describe: Describer): Promise<SyncResult> {
  const exercises = await loadExercises(root);
  const known = await prisma.exerciseVersion.findMany({ where: { contentHash: { in: exercises.map((e) => e.contentHash) } }, select: { exerciseId: true, contentHash: true } });
  const isKnown = (e: Exercise): boolean => known.some((k) => k.exerciseId === e.id && k.contentHash === e.contentHash);
  const fresh = exercises.filter((e) => !isKnown(e));
  const described = await describe(root, fresh.map((e) => e.id));
  const result: SyncResult = { loaded: exercises.length, newVersions: [], failed: [] };
  for (const exercise of fresh) {
    const catalog = described[exercise.id];
    if (catalog === undefined || "error" in catalog) {
      result.failed.push({ id: exercise.id, error: catalog && "error" in catalog ? catalog.error : "not described" });
      continue;
    }
    await prisma.$transaction(async (tx) => {
      await tx.exercise.upsert({
        where: { id: exercise.id },
        create: { id: exercise.id, family: exercise.manifest.family, title: exercise.manifest.title, source: "filesystem" },
        update: { title: exercise.manifest.title, family: exercise.manifest.family },
      });
      const last = await tx.exerciseVersion.findFirst({ where: { exerciseId: exercise.id }, orderBy: { number: "desc" }, select: { number: true } });
      const version = await tx.exerciseVersion.create({
        data: {
          exerciseId: exercise.id,
          number: (last?.number ?? 0) + 1,
          contentHash: exercise.contentHash,
          manifest: { ...exercise.manifest, catalog } as object,
          files: exercise.files,
          validation: "valid",
          validationReport: { source: "repository: validated in CI by npm run exercises:validate" },
          publishedAt: new Date(),
        },
      });
      await tx.exercise.update({ where: { id: exercise.id }, data: { latestVersionId: version.id, publishedVersionId: version.id } });
    });
    result.newVersions.push(exercise.id);
  }
  return result;
}

/** The catalog part of a stored manifest; a missing or malformed one counts as empty. */
export function catalogOf(manifest: unknown): Catalog {
  const stored = typeof manifest === "object" && manifest !== null && "catalog" in manifest ? checkContract(ExerciseDescription, manifest.catalog, "stored catalog") : undefined;
  return stored === undefined || stored instanceof ContractError ? { tests: [], declarations: {} } : stored;
}
