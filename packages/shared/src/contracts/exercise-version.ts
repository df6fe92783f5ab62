// JSON columns of ExerciseVersion other than the manifest (whose schema is exercise-format's).
import { Type, type Static } from "typebox";

/** ExerciseVersion.files: file name -> text. */
export const StoredFiles = Type.Record(Type.String(), Type.String());
export type StoredFiles = Static<typeof StoredFiles>;

/** ExerciseVersion.validationReport, the part the API reads (the grader stores a ValidationResult). */
export const StoredValidation = Type.Object({
  checks: Type.Array(Type.Object({ what: Type.String(), ok: Type.Boolean(), detail: Type.String() })),
});
export type StoredValidation = Static<typeof StoredValidation>;
