// One error shape for every failure: {"error": {"code", "message"}}.
// Codes come from the shared catalog in @autograder/shared.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError, type ErrorCode } from "@autograder/shared";
import { databaseErrorAsAppError } from "../http/database-errors.ts";

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION",
  FST_ERR_BAD_URL: "VALIDATION",
  FST_ERR_MAX_PARAM_LENGTH: "VALIDATION",
};

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
  return databaseErrorAsAppError(err) ?? new AppError("INTERNAL");
}

/** Errors from pg / Prisma's adapter when the server is gone. */
export function isDatabaseDown(err: unknown): boolean {
  const text = `${(err as { code?: string }).code ?? ""} ${(err as Error).message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|Can't reach database/i.test(
    text,
  );
}

/**
 * Errors Fastify raises before routing (a URL with malformed percent-encoding), passed as
 * the `frameworkErrors` option of Fastify(): without it they bypass the error handler.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    err.code === "FST_ERR_BAD_URL"
      ? new AppError("VALIDATION", "The URL is not valid: check its percent-encoding.")
      : err.code === "FST_ERR_MAX_PARAM_LENGTH"
        ? new AppError("VALIDATION", "A part of the URL is too long.")
        : toAppError(err);
  void reply.code(appError.statusCode).send(appError.toBody());
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError.statusCode >= 500) request.log.error({ err }, "request failed");
    else if (!(err instanceof AppError) && !err.validation && !err.statusCode) request.log.warn({ err }, "request refused by the database");
    return reply.status(appError.statusCode).send(appError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new AppError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`);
    return reply.status(404).send(e.toBody());
  });
});
