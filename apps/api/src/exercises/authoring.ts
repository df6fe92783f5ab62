// Exercises written through the API: each save is a new immutable version, validated by the
// grader workers; only a valid version can be published.
import type { PrismaClient } from "@autograder/db";
import { buildExercise, ExerciseFormatError, type Exercise, type ExerciseFiles } from "@autograder/exercise-format";
import { AppError } from "@autograder/shared";
import { checkContract, ContractError, StoredValidation } from "@autograder/shared/contracts";
import type { AuthUser } from "../auth/context.ts";
import { findNul } from "../plugins/input.ts";

export function checkFormat(id: string, files: ExerciseFiles): Exercise {
  // Files from a zip never passed the request's NUL check (plugins/input.ts); PostgreSQL cannot store NUL.
  const nul = findNul(files);
  if (nul !== null) throw new AppError("EXERCISE_INVALID", `The file ${nul.slice(1)} contains a NUL character.`);
  try {
    return buildExercise(id, files);
  } catch (error) {
    if (error instanceof ExerciseFormatError) throw new AppError("EXERCISE_INVALID", error.message);
    throw error;
  }
}

/** Stores a new version unless the latest one has the same content; returns it. */
export async function saveVersion(prisma: PrismaClient, exercise: Exercise, author: AuthUser, create: boolean): Promise<{ versionId: string; isNew: boolean }> {
  return prisma.$transaction(async (tx) => {
    if (create) {
      if (await tx.exercise.findUnique({ where: { id: exercise.id }, select: { id: true } })) throw new AppError("CONFLICT", `An exercise ${exercise.id} already exists.`);
      await tx.exercise.create({ data: { id: exercise.id, family: exercise.manifest.family, title: exercise.manifest.title, source: "authored", authorId: author.id } });
    }
    const latest = await tx.exerciseVersion.findFirst({ where: { exerciseId: exercise.id }, orderBy: { number: "desc" } });
    if (latest?.contentHash === exercise.contentHash) return { versionId: latest.id, isNew: false };
    const version = await tx.exerciseVersion.create({
      data: { exerciseId: exercise.id, number: (latest?.number ?? 0) + 1, contentHash: exercise.contentHash, manifest: exercise.manifest as object, files: exercise.files, validation: "pending" },
    });
    await tx.exercise.update({ where: { id: exercise.id }, data: { latestVersionId: version.id, title: exercise.manifest.title, family: exercise.manifest.family } });
    return { versionId: version.id, isNew: true };
  });
}

/** Why a version cannot be published, in words an instructor can act on. */
export function publishRefusal(validation: string, report: unknown): string {
  if (validation === "pending") return "This version has not been validated yet: validate it first (the grader runs the reference, the starter and the mutants).";
  const stored = checkContract(StoredValidation, report, "validation report");
  const failed = (stored instanceof ContractError ? [] : stored.checks).filter((c) => !c.ok);
  return `Validation failed: ${failed.map((c) => `${c.what}: ${c.detail}`).join("; ") || "see the validation report"}`;
}
