// Validates an authored exercise version in the grader (never in the API): the format, then
// the reference (100% three times), the starter (must fail) and the mutants (must be caught);
// stores the verdict, the report, and the catalog (test names, declarations) students see.
import type { PrismaClient } from "@autograder/db";
import { buildExercise, ExerciseFormatError, type Exercise } from "@autograder/exercise-format";
import { checkContract, ContractError, parseContract, StoredFiles, StoredValidation } from "@autograder/shared/contracts";
import { describeExercise, measureAuthorQuality, qualityNotMeasured, validateExercise, type ValidationResult } from "@autograder/sandbox";
import { graderLoggerOnUse, type Logger } from "./logger.ts";

const log = graderLoggerOnUse("grader");

/**
 * What the author is told: the format or compile error in their files, which they can fix;
 * any other (internal) error only as a sentence, its text going to the log with the version id.
 */
export function instructorDetail(versionId: string, error: unknown, logger: Logger = log()): string {
  if (error instanceof ExerciseFormatError || (error instanceof Error && error.name === "BuildError")) return error.message;
  logger.error({ versionId, err: error }, "validation of an exercise version failed");
  return `The grader could not validate this version (version ${versionId}); try again, and tell an admin if it keeps failing.`;
}

/** `retry`: this job ran before and did not finish (its worker died); a second job of the same version is not a retry. */
export async function validateVersion(prisma: PrismaClient, versionId: string, { retry = false }: { retry?: boolean } = {}): Promise<void> {
  const version = await prisma.exerciseVersion.findUnique({ where: { id: versionId } });
  const stored = retry && version?.validation === "valid" ? checkContract(StoredValidation, version.validationReport, `validation report of ${versionId}`) : null;
  if (stored !== null && !(stored instanceof ContractError) && stored.qualityMeasuring === true) {
    // This job again after its worker died while measuring the mutation score: a mutant can
    // exhaust an isolate's memory in a way that ends the process (isolated-vm's catastrophic
    // error). The verdict stands; the author is told the score could not be measured.
    const { qualityMeasuring: _measuring, ...report } = stored;
    await prisma.exerciseVersion.updateMany({
      where: { id: versionId, validation: "valid" },
      data: { validationReport: { ...report, quality: qualityNotMeasured("the grader process measuring it stopped (a generated mutant exhausted its memory); the verdict above stands") } },
    });
    return;
  }
  if (version === null || version.validation !== "pending") return;
  let result: ValidationResult;
  let manifest: object | undefined;
  let measured: Exercise | undefined;
  // Progress for the author's page (GET /api/exercises/:id/validation reads it). Two jobs of one
  // version may run at once (a validation asked for again while queued): the stored progress is
  // the furthest of them, so it never goes back.
  let planned = 0;
  const progress = async (done: number, total: number): Promise<void> => {
    planned = total;
    await prisma.exerciseVersion.updateMany({
      where: { id: versionId, validation: "pending", OR: [{ validationDone: { lt: done } }, { validationTotal: 0 }] },
      data: { validationDone: done, validationTotal: total },
    });
  };
  try {
    const exercise = buildExercise(version.exerciseId, parseContract(StoredFiles, version.files, `exercise version ${versionId} files`));
    result = await validateExercise(exercise, 1, progress);
    // The stored manifest is the one just parsed from the files, with the catalog students see.
    if (result.ok) {
      manifest = { ...exercise.manifest, catalog: await describeExercise(exercise) };
      measured = exercise;
    }
  } catch (error) {
    result = { exerciseId: version.exerciseId, ok: false, checks: [{ what: "format", ok: false, detail: instructorDetail(versionId, error) }], visibleTests: 0, hiddenTests: 0, durationMs: 0 };
  }
  const written = await prisma.exerciseVersion.updateMany({
    where: { id: versionId, validation: "pending" },
    data: {
      validation: result.ok ? "valid" : "invalid",
      validationDone: planned,
      validationTotal: planned,
      validationReport: { ...result, ...(measured ? { qualityMeasuring: true } : {}) } as unknown as object,
      ...(manifest ? { manifest } : {}),
    },
  });
  if (written.count === 0 || measured === undefined) return;
  // The mutation score is advice for the author, not a condition of validity: the verdict is
  // stored first (the version can be published at once), the score joins the report after.
  const quality = await measureAuthorQuality(measured).catch((error: unknown) => {
    instructorDetail(versionId, error);
    return undefined;
  });
  await prisma.exerciseVersion.updateMany({
    where: { id: versionId, validation: "valid" },
    data: { validationReport: { ...result, ...(quality ? { quality } : {}) } as unknown as object },
  });
}

