// One error shape for every failure: {"error": {"code", "message"}}.
// Codes come from the shared catalog in @autograder/shared.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError, type ErrorCode } from "@autograder/shared";

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION",
  FST_ERR_BAD_URL: "VALIDATION",
  FST_ERR_MAX_PARAM_LENGTH: "VALIDATION",
};

/**
 * Prisma's request errors that mean the data was refused (too long, out of range, not found,
 * a constraint), not that the server failed: the caller gets a 4xx.
 * https://www.prisma.io/docs/orm/reference/error-reference
 */
const PRISMA_CODES: Record<string, ErrorCode> = {
  P2000: "VALIDATION", // value too long for the column
  P2002: "CONFLICT", // unique constraint
  P2003: "CONFLICT", // foreign key constraint
  P2005: "VALIDATION",
  P2006: "VALIDATION",
  P2007: "VALIDATION", // data validation error
  P2009: "VALIDATION",
  P2011: "VALIDATION", // null constraint
  P2012: "VALIDATION",
  P2019: "VALIDATION",
  P2020: "VALIDATION", // value out of range for the type
  P2023: "VALIDATION", // inconsistent column data
  P2025: "NOT_FOUND", // record to update or delete not found
  P2033: "VALIDATION", // number does not fit in 64 bits
};

/** PostgreSQL SQLSTATE classes 22 (data exception) and 23 (integrity constraint). */
function sqlState(err: unknown): string | undefined {
  const e = err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: { originalCode?: unknown } };
  const code = e.meta?.driverAdapterError?.cause?.originalCode ?? e.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

/** A 4xx for a database error caused by the request's data, or null. */
export function databaseDataError(err: unknown): AppError | null {
  if (typeof err !== "object" || err === null) return null;
  const name = (err as { name?: unknown }).name;
  if (name === "PrismaClientValidationError") return new AppError("VALIDATION");
  if (name !== "PrismaClientKnownRequestError") return null;
  const code = (err as { code?: unknown }).code;
  const mapped = typeof code === "string" ? PRISMA_CODES[code] : undefined;
  if (mapped) return new AppError(mapped);
  const state = sqlState(err);
  if (state?.startsWith("22")) return new AppError("VALIDATION");
  if (state?.startsWith("23")) return new AppError("CONFLICT");
  return null;
}

/** Fastify's `frameworkErrors`: errors raised before routing (bad URL encoding, long params). */
export function frameworkErrorReply(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const mapped = (error.code && FASTIFY_CODES[error.code]) || "VALIDATION";
  const e = new AppError(mapped, mapped === "VALIDATION" ? "The request URL is not valid (bad percent-encoding or an over-long path segment)." : undefined);
  void reply.status(e.statusCode).send(e.toBody());
}

function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (err.validation) {
    const where = err.validationContext ?? "request";
    const details = err.validation.map((v) => ({
      path: `${where}${v.instancePath || ""}`,
      message: v.message ?? "is invalid",
    }));
    const first = details[0];
    return new AppError("VALIDATION", first ? `Invalid ${first.path}: ${first.message}` : undefined, details);
  }
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return new AppError(mapped, mapped === "BAD_JSON" ? undefined : err.message);
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError("BAD_JSON");
  if (err.statusCode === 429) return new AppError("RATE_LIMITED", err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode === 404 ? "NOT_FOUND" : "VALIDATION", err.message);
  }
  if (isDatabaseDown(err)) return new AppError("DB_UNAVAILABLE");
  return databaseDataError(err) ?? new AppError("INTERNAL");
}

/** Errors from pg / Prisma's adapter when the server is gone. */
export function isDatabaseDown(err: unknown): boolean {
  const text = `${(err as { code?: string }).code ?? ""} ${(err as Error).message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|Can't reach database/i.test(
    text,
  );
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError.statusCode >= 500) request.log.error({ err }, "request failed");
    return reply.status(appError.statusCode).send(appError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new AppError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`);
    return reply.status(404).send(e.toBody());
  });
});
