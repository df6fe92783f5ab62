// Schema helpers shared by the account, course and report routes.
import { Type, type TSchema } from "typebox";
import { ERRORS, type ErrorCode } from "@autograder/shared";

/** The error body, inlined (no $id) so a route can list it under several status codes. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

/** Response schemas for the error statuses of the given catalog codes. */
export function errorResponses(...codes: ErrorCode[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const code of codes) out[ERRORS[code].status] = ErrorBodySchema;
  return out;
}

export const DateTime = Type.String({ format: "date-time" });
export const NullableDateTime = Type.Union([DateTime, Type.Null()]);
export const Uuid = Type.String({ format: "uuid" });
export const IdParams = Type.Object({ id: Uuid });

export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** Both authentication schemes, for the OpenAPI document. */
export const SECURED: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];
