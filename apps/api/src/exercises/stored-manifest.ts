// ExerciseVersion.manifest is JSON written by another process (the catalog sync, the grader's
// validation): the exercise format's manifest plus the `catalog` students see. It is parsed
// with the format's own schema when read, never cast.
import { parseManifest, type Manifest } from "@autograder/exercise-format";

export function storedManifest(value: unknown, versionId: string): Manifest {
  const fields = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value).filter(([key]) => key !== "catalog") : [];
  return parseManifest(Object.fromEntries(fields), `exercise version ${versionId} manifest`);
}
