// Schema helpers shared by the account, course and report routes.
import { Type, type TSchema } from "typebox";
import { DATE_TIME_MAX_LENGTH, ERRORS, type ErrorCode } from "@autograder/shared";

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

/**
 * A date-time a request may carry: RFC 3339 with a four-digit year from 1970 to 9999 and
 * seconds 00-59 (no leap second, no year 0, no expanded years), which every layer (JavaScript
 * Date, PostgreSQL timestamp) represents exactly. The `date-time` format checks the calendar
 * (no February 30).
 */
export const InputDateTime = Type.String({
  format: "date-time",
  maxLength: DATE_TIME_MAX_LENGTH,
  pattern: "^(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
});
export const NullableInputDateTime = Type.Union([InputDateTime, Type.Null()]);
export const Uuid = Type.String({ format: "uuid" });
export const IdParams = Type.Object({ id: Uuid });

export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** Both authentication schemes, for the OpenAPI document. */
export const SECURED: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];
