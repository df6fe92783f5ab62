// Environment variables read by more than one process (the API's launcher and the standalone
// grader): one definition, so both accept the same values with the same bounds.
import { Type, type Static, type TObject } from "typebox";
import { Value } from "typebox/value";
import { ContractError } from "./parse.ts";

export const GraderEnv = Type.Object({
  /** Grader worker processes; 0 (only meaningful for `npm start`): grade on other machines. */
  GRADER_WORKERS: Type.Integer({ minimum: 0, maximum: 64, default: 1 }),
  GRADER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 20_000 }),
});
export type GraderEnv = Static<typeof GraderEnv>;

/** pino's levels; every process (API, grader supervisor and workers) reads LOG_LEVEL. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const LogEnv = Type.Object({
  LOG_LEVEL: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l)), { default: "info" }),
});
export type LogEnv = Static<typeof LogEnv>;

/** What a grader worker process reads (its supervisor sets it). */
export const GraderWorkerEnv = Type.Object({ GRADER_CONCURRENCY: GraderEnv.properties.GRADER_CONCURRENCY, ...LogEnv.properties });

/** The values of a union of literals (LOG_LEVEL, COOKIE_SECURE), else undefined. */
function literalChoices(property: unknown): string[] | undefined {
  const anyOf = (property as { anyOf?: Array<{ const?: unknown }> } | undefined)?.anyOf;
  if (!anyOf || !anyOf.every((p) => typeof p.const === "string")) return undefined;
  return anyOf.map((p) => String(p.const));
}

/**
 * Reads `schema`'s variables from `env`: unset or empty takes the default, integer variables
 * must be written as integers. Throws a ContractError naming every bad variable on one line.
 */
export function parseEnv<T extends TObject>(schema: T, env: Record<string, string | undefined>): Static<T> {
  const raw: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = env[key];
    if (value === undefined || value === "") continue;
    raw[key] = (property as { type?: unknown }).type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const withDefaults = Value.Default(schema, raw);
  const errors = Value.Errors(schema, withDefaults);
  if (errors.length === 0) return withDefaults as Static<T>;
  // One message per variable; a choice among literals names the choices.
  const byKey = new Map<string, string>();
  for (const e of errors) {
    const key = e.instancePath.replace(/^\//, "") || String((e.params as { requiredProperties?: string[] }).requiredProperties?.[0] ?? "");
    if (byKey.has(key)) continue;
    const choices = literalChoices(schema.properties[key]);
    byKey.set(key, choices ? `must be one of ${choices.join(", ")}` : e.message);
  }
  const lines = [...byKey].map(([key, message]) => `${key}=${JSON.stringify(env[key] ?? "")}: ${message}`);
  throw new ContractError(`Invalid configuration: ${lines.join("; ")}`);
}
