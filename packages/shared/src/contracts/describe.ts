// Output of the describe CLI (packages/sandbox/src/cli/describe.ts), read by the API's catalog:
// for each exercise id, its description or the reason it could not be described.
import { Type, type Static } from "typebox";

export const ExerciseDescription = Type.Object({
  tests: Type.Array(Type.Object({ name: Type.String(), hidden: Type.Boolean(), weight: Type.Number() })),
  /** module name -> `declare module "<name>" { ... }` */
  declarations: Type.Record(Type.String(), Type.String()),
});
export type ExerciseDescription = Static<typeof ExerciseDescription>;

export const DescribeOutput = Type.Record(Type.String(), Type.Union([ExerciseDescription, Type.Object({ error: Type.String() })]));
export type DescribeOutput = Static<typeof DescribeOutput>;
