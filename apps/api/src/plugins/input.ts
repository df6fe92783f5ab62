// Input rules that hold for every route, whatever its schema says:
// - no NUL character in any string or key of the body, query or params (PostgreSQL text
//   cannot store it, and no field has a use for it): 400 VALIDATION;
// - bodies are validated without type coercion ({"code": 123} is not the string "123");
//   query strings and path params are text on the wire, so numbers there are still parsed.
import { AjvCompiler } from "@fastify/ajv-compiler";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "@autograder/shared";

const MAX_DEPTH = 64;

/** The JSON-pointer-ish path of the first string or key holding a NUL, or null. */
export function findNul(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "/" : null;
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value) || depth > MAX_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return `${path}/${key.replaceAll("\u0000", "\\u0000")}`;
    const found = findNul(inner, `${path}/${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const inputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    for (const [part, value] of [["params", request.params], ["querystring", request.query], ["body", request.body]] as const) {
      const at = findNul(value);
      if (at !== null) throw new AppError("VALIDATION", `Invalid ${part}${at === "/" ? "" : at}: must not contain a NUL character (\\u0000).`);
    }
  });
});

const SHARED_AJV = { removeAdditional: false, useDefaults: true } as const;

/**
 * Fastify's schemaController: bodies compiled by an Ajv without coercion, query strings,
 * params and headers by one that coerces (numbers and booleans arrive as text).
 */
export const strictBodySchemaController: NonNullable<FastifyServerOptions["schemaController"]> = {
  compilersFactory: {
    buildValidator(externalSchemas, ajvOptions) {
      const factory = AjvCompiler();
      const plugins = (ajvOptions as { plugins?: unknown[] } | undefined)?.plugins ?? [];
      const coercing = factory(externalSchemas, { customOptions: { ...SHARED_AJV, coerceTypes: "array" }, plugins } as never);
      const strict = factory(externalSchemas, { customOptions: { ...SHARED_AJV, coerceTypes: false }, plugins } as never);
      return (route) => (route.httpPart === "body" ? strict(route) : coercing(route));
    },
  },
};
