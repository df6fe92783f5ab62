// The manifest (exercise.yaml) schema, its defaults, and validation with errors that name the
// file and the field.
import { Type, type Static } from "typebox";
import { Value } from "typebox/value";

const Name = Type.String({ pattern: "^[A-Za-z_$][A-Za-z0-9_$]*$" });
const RequirementId = Type.String({ pattern: "^[A-Za-z][A-Za-z0-9._-]{0,31}$" });

export const LimitsSchema = Type.Object(
  {
    testTimeoutMs: Type.Integer({ minimum: 10, maximum: 60_000, default: 2_000 }),
    totalTimeoutMs: Type.Integer({ minimum: 100, maximum: 300_000, default: 30_000 }),
    memoryMb: Type.Integer({ minimum: 16, maximum: 1024, default: 64 }),
    outputBytes: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 65_536 }),
    returnBytes: Type.Integer({ minimum: 1_024, maximum: 64_000_000, default: 4_194_304 }),
  },
  { additionalProperties: false, default: {} },
);

export const FAMILIES = ["sorting", "sockets", "threading"] as const;
export const RULES = ["no-builtin-sort", "track-arrays"] as const;
export const PLATFORM_MODULES = ["socket", "threading"] as const;

export const ManifestSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    family: Type.Union(FAMILIES.map((f) => Type.Literal(f))),
    difficulty: Type.Union([Type.Literal("easy"), Type.Literal("medium"), Type.Literal("hard")]),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { default: [], maxItems: 20 }),
    exports: Type.Array(Name, { minItems: 1, maxItems: 20 }),
    limits: LimitsSchema,
    rules: Type.Array(Type.Union(RULES.map((r) => Type.Literal(r))), { default: [] }),
    modules: Type.Object(
      Object.fromEntries(
        PLATFORM_MODULES.map((m) => [
          m,
          Type.Optional(Type.Object({ hide: Type.Array(Name, { default: [] }) }, { additionalProperties: false })),
        ]),
      ),
      { additionalProperties: false, default: {} },
    ),
    mutants: Type.Array(
      Type.Object(
        {
          file: Type.String({ pattern: "^[A-Za-z0-9._-]+\\.ts$" }),
          catches: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
      { default: [] },
    ),
    /** The README's requirements; every one must be covered by a test's `requires`. */
    requirements: Type.Optional(
      Type.Array(
        Type.Object(
          { id: RequirementId, text: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100 },
      ),
    ),
    /** Generated mutants (exercises:quality) that no test can tell from the reference, and why. */
    equivalentMutants: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 400 }), reason: Type.String({ minLength: 1, maxLength: 1000 }) },
        { additionalProperties: false },
      ),
      { default: [] },
    ),
  },
  { additionalProperties: false },
);

export type Manifest = Static<typeof ManifestSchema>;
export type Limits = Static<typeof LimitsSchema>;
export type Requirement = NonNullable<Manifest["requirements"]>[number];
export type EquivalentMutant = Manifest["equivalentMutants"][number];
export type Family = (typeof FAMILIES)[number];
export type Rule = (typeof RULES)[number];
export type PlatformModuleName = (typeof PLATFORM_MODULES)[number];

export const DEFAULT_LIMITS: Limits = Value.Default(LimitsSchema, {}) as Limits;

export class ExerciseFormatError extends Error {
  override name = "ExerciseFormatError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
  }
}

/** Applies defaults and validates; throws ExerciseFormatError naming `file` and each field. */
export function parseManifest(raw: unknown, file: string): Manifest {
  const withDefaults = Value.Default(ManifestSchema, Value.Clone(raw ?? {}));
  const errors = [...Value.Errors(ManifestSchema, withDefaults)];
  if (errors.length > 0) {
    const problems = errors.slice(0, 10).map((e) => {
      const missing = (e.params as { requiredProperties?: string[] }).requiredProperties;
      const field = (e.instancePath.replace(/^\//, "").replaceAll("/", ".") || missing?.join(", ")) ?? "(root)";
      return `${field || "(root)"}: ${e.message}`;
    });
    throw new ExerciseFormatError(file, problems);
  }
  return withDefaults as Manifest;
}
