// Database errors caused by the request's data, as 4xx: a value PostgreSQL cannot store (a
// NUL character, a date outside its range, a number too large) is the client's mistake, not
// a 500. The text of the database's message never reaches the client.
import { AppError } from "@autograder/shared";

const NOT_STORABLE = "A value in the request cannot be stored: it is out of range or contains a character that is not allowed (such as NUL).";

/** PostgreSQL's SQLSTATE behind a Prisma error (the pg adapter keeps it in meta). */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } }; cause?: { code?: unknown } };
  const candidates = [e.meta?.driverAdapterError?.cause?.originalCode, e.meta?.driverAdapterError?.cause?.code, e.cause?.code, e.code];
  return candidates.find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
}

const PRISMA_CODES: Record<string, () => AppError> = {
  P2000: () => new AppError("VALIDATION", "A value in the request is too long."),
  P2002: () => new AppError("CONFLICT"),
  P2003: () => new AppError("NOT_FOUND", "The request refers to something that does not exist."),
  P2005: () => new AppError("VALIDATION", NOT_STORABLE),
  P2006: () => new AppError("VALIDATION", NOT_STORABLE),
  P2007: () => new AppError("VALIDATION", NOT_STORABLE),
  P2009: () => new AppError("VALIDATION", NOT_STORABLE),
  P2011: () => new AppError("VALIDATION", "A required value is missing."),
  P2012: () => new AppError("VALIDATION", "A required value is missing."),
  P2019: () => new AppError("VALIDATION", NOT_STORABLE),
  P2023: () => new AppError("VALIDATION", NOT_STORABLE),
  P2020: () => new AppError("VALIDATION", NOT_STORABLE),
  P2025: () => new AppError("NOT_FOUND"),
  P2033: () => new AppError("VALIDATION", NOT_STORABLE),
};

/** A 4xx for a database error caused by the request's data, or undefined. */
export function databaseErrorAsAppError(err: unknown): AppError | undefined {
  if ((err as Error | undefined)?.name === "PrismaClientValidationError") return new AppError("VALIDATION", NOT_STORABLE);
  const state = sqlState(err);
  if (state !== undefined) {
    // Class 22: data exception (invalid byte sequence, datetime or numeric out of range...).
    if (state.startsWith("22")) return new AppError("VALIDATION", NOT_STORABLE);
    if (state === "23505") return new AppError("CONFLICT");
    if (state === "23503") return new AppError("NOT_FOUND", "The request refers to something that does not exist.");
    // 54000: program limit exceeded (a value too large for an index row).
    if (state === "54000") return new AppError("VALIDATION", "A value in the request is too large.");
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && code in PRISMA_CODES) return PRISMA_CODES[code]!();
  return undefined;
}
