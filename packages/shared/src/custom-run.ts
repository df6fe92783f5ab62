// Custom runs: one export of an exercise called on arguments the student typed (JSON), no
// tests, no grade; and replays: a Run of one visible threading test on one schedule seed.
// The sandbox makes a CustomRunResult (packages/sandbox/src/custom-run.ts), the grader stores
// it in the job, the API serves it, the web app draws it.
import { Type, type Static } from "typebox";
import { MAX_CODE_BYTES } from "./limits.ts";
import { MAX_CUSTOM_ARGS_BYTES } from "./custom-args.ts";

export * from "./custom-args.ts";

/** A schedule seed of the threading runtime: "r-<n>" or "p<d>k<k>-<n>". */
export const SCHEDULE_SEED_PATTERN = "^(r-\\d{1,10}|p\\d{1,3}k\\d{1,6}-\\d{1,10})$";

export const CUSTOM_RUN_STATUSES = ["ok", "threw", "invalid_input", "unsupported", "compile_error", "runtime_error", "timeout", "memory_limit", "output_limit", "rejected", "error"] as const;
export type CustomRunStatus = (typeof CUSTOM_RUN_STATUSES)[number];

const Text = (maxLength: number) => Type.String({ maxLength });

export const CustomRunResult = Type.Object(
  {
    status: Type.Enum(CUSTOM_RUN_STATUSES),
    /** A sentence: what happened (the error, the limit, or "returned"). */
    message: Text(10_000),
    exportName: Text(100),
    /** The returned value, rendered (strings cut, items elided). */
    value: Type.Optional(Text(20_000)),
    /** Each argument after the call (in-place changes show here), rendered. */
    argsAfter: Type.Optional(Type.Array(Text(20_000), { maxItems: 8 })),
    /** Element reads, writes and swaps on the first argument, when it is an array. */
    stats: Type.Optional(Type.Object({ reads: Type.Integer(), writes: Type.Integer(), swaps: Type.Integer() })),
    /** The sort steps on the first argument (sorting family, at most 64 elements). */
    visualization: Type.Optional(Type.Object({ kind: Type.Literal("sorting"), data: Type.Object({ initial: Type.Array(Type.Unknown()), operations: Type.Array(Type.Unknown()) }) })),
    stdout: Text(70_000),
    durationMs: Type.Number(),
  },
  { additionalProperties: false },
);
export type CustomRunResult = Static<typeof CustomRunResult>;

/** POST /api/exercises/:id/custom-runs: call one export on typed arguments. */
export const CustomRunBody = Type.Object(
  {
    code: Type.String({ maxLength: MAX_CODE_BYTES }),
    exportName: Type.String({ pattern: "^[A-Za-z_$][A-Za-z0-9_$]{0,99}$" }),
    /** A JSON array: the arguments, in order. */
    args: Type.String({ maxLength: MAX_CUSTOM_ARGS_BYTES }),
  },
  { additionalProperties: false },
);
export type CustomRunBody = Static<typeof CustomRunBody>;

/** POST /api/exercises/:id/replays: run one visible test again on one schedule seed. */
export const ReplayBody = Type.Object(
  {
    code: Type.String({ maxLength: MAX_CODE_BYTES }),
    test: Type.String({ minLength: 1, maxLength: 300 }),
    seed: Type.String({ pattern: SCHEDULE_SEED_PATTERN }),
  },
  { additionalProperties: false },
);
export type ReplayBody = Static<typeof ReplayBody>;
