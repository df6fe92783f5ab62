// The mutation score an author sees for an exercise they wrote (the authoring page's table):
// the same measure as `npm run exercises:quality`, over an even sample of the generated mutants
// so that validation stays quick, with each surviving mutant's line before and after.
import type { Exercise } from "@autograder/exercise-format";
import type { StoredQuality } from "@autograder/shared/contracts";
import { generateMutants } from "./mutants.ts";
import { measureQuality } from "./quality.ts";

/** At most this many generated mutants are graded when an authored version is validated. */
export const AUTHOR_QUALITY_SAMPLE = 24;
const LINE_CHARS = 300;

const clip = (text: string): string => (text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS - 3)}...` : text);

/** `onProgress(done, total)`: after each graded mutant. */
export async function measureAuthorQuality(exercise: Exercise, sample = AUTHOR_QUALITY_SAMPLE, onProgress?: (done: number, total: number) => void): Promise<StoredQuality> {
  try {
    return await measure(exercise, sample, onProgress);
  } catch (error) {
    // The author sees why instead of a table that never comes (e.g. a solution the mutation
    // tool cannot parse); nothing of another user is in the message.
    return qualityNotMeasured(error instanceof Error ? error.message : String(error));
  }
}

/** The score's place in a report when it could not be measured, with the reason for the author. */
export function qualityNotMeasured(why: string): StoredQuality {
  const none = { covered: 0, total: 0 };
  return { requirements: none, generated: 0, mutants: 0, killed: 0, equivalent: 0, survived: 0, score: 0, seconds: 0, survivors: [], error: clip(`The mutation score could not be measured: ${why}`).slice(0, 500) };
}

async function measure(exercise: Exercise, sample: number, onProgress?: (done: number, total: number) => void): Promise<StoredQuality> {
  const reference = exercise.files["solution.ts"] ?? "";
  const generated = await generateMutants(reference);
  const byId = new Map(generated.map((m) => [m.id, m]));
  const result = await measureQuality(exercise, { sample, ...(onProgress ? { onMutant: (_r, index, total) => onProgress(index + 1, total) } : {}) });
  const referenceLines = reference.split("\n");
  const survivors = result.results
    .filter((r) => r.status === "survived")
    .slice(0, 100)
    .map((r) => {
      const mutant = byId.get(r.id);
      const line = mutant?.line ?? 1;
      return {
        id: clip(r.id),
        mutator: clip(r.mutator),
        line,
        original: clip(referenceLines[line - 1] ?? ""),
        mutated: clip(mutant?.source.split("\n")[line - 1] ?? ""),
      };
    });
  return {
    requirements: result.requirements,
    generated: generated.length,
    mutants: result.mutants,
    killed: result.killed,
    equivalent: result.equivalent,
    survived: result.survived,
    score: result.score,
    seconds: Math.round(result.seconds * 10) / 10,
    survivors,
    ...(result.error ? { error: clip(result.error) } : {}),
  };
}
