// Validates an authored exercise version in the grader (never in the API): the format, then
// the reference (100% three times), the starter (must fail) and the mutants (must be caught);
// stores the verdict, the report, and the catalog (test names, declarations) students see.
import type { PrismaClient } from "@autograder/db";
import { buildExercise, ExerciseFormatError } from "@autograder/exercise-format";
import { parseContract, StoredFiles } from "@autograder/shared/contracts";
import { describeExercise, validateExercise, type ValidationResult } from "@autograder/sandbox";
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

export async function validateVersion(prisma: PrismaClient, versionId: string): Promise<void> {
  const version = await prisma.exerciseVersion.findUnique({ where: { id: versionId } });
  if (version === null || version.validation !== "pending") return;
  let result: ValidationResult;
  let catalog: object | undefined;
  try {
    const exercise = buildExercise(version.exerciseId, parseContract(StoredFiles, version.files, `exercise version ${versionId} files`));
    result = await validateExercise(exercise);
    if (result.ok) catalog = await describeExercise(exercise);
  } catch (error) {
    result = { exerciseId: version.exerciseId, ok: false, checks: [{ what: "format", ok: false, detail: instructorDetail(versionId, error) }], visibleTests: 0, hiddenTests: 0, durationMs: 0 };
  }
  await prisma.exerciseVersion.updateMany({
    where: { id: versionId, validation: "pending" },
    data: {
      validation: result.ok ? "valid" : "invalid",
      validationReport: result as unknown as object,
      ...(catalog ? { manifest: { ...(version.manifest as object), catalog } } : {}),
    },
  });
}
