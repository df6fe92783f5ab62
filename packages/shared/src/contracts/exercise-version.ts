// JSON columns of ExerciseVersion other than the manifest (whose schema is exercise-format's).
import { Type, type Static } from "typebox";

/** ExerciseVersion.files: file name -> text. */
export const StoredFiles = Type.Record(Type.String(), Type.String());
export type StoredFiles = Static<typeof StoredFiles>;

/**
 * How well an authored exercise's tests catch mistakes (issue 12): the same figures as
 * `npm run exercises:quality`, over a sample of the generated mutants, with each survivor's line.
 */
export const StoredQuality = Type.Object({
  requirements: Type.Object({ covered: Type.Integer({ minimum: 0 }), total: Type.Integer({ minimum: 0 }) }),
  /** Mutants generated from the reference solution, and how many of them were graded. */
  generated: Type.Integer({ minimum: 0 }),
  mutants: Type.Integer({ minimum: 0 }),
  killed: Type.Integer({ minimum: 0 }),
  equivalent: Type.Integer({ minimum: 0 }),
  survived: Type.Integer({ minimum: 0 }),
  /** killed / (mutants - equivalent), 0..1. */
  score: Type.Number({ minimum: 0, maximum: 1 }),
  seconds: Type.Number({ minimum: 0 }),
  survivors: Type.Array(
    Type.Object({
      id: Type.String({ maxLength: 200 }),
      mutator: Type.String({ maxLength: 100 }),
      line: Type.Integer({ minimum: 1 }),
      original: Type.String({ maxLength: 300 }),
      mutated: Type.String({ maxLength: 300 }),
    }),
    { maxItems: 100 },
  ),
  error: Type.Optional(Type.String({ maxLength: 500 })),
});
export type StoredQuality = Static<typeof StoredQuality>;

/** ExerciseVersion.validationReport, the part the API reads (the grader stores a ValidationResult). */
export const StoredValidation = Type.Object({
  checks: Type.Array(Type.Object({ what: Type.String(), ok: Type.Boolean(), detail: Type.String() })),
  quality: Type.Optional(StoredQuality),
  /** Set while the grader measures the mutation score of a valid version (it joins the report after). */
  qualityMeasuring: Type.Optional(Type.Boolean()),
});
export type StoredValidation = Static<typeof StoredValidation>;
