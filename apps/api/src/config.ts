// Configuration comes from the environment only, validated once at start.
// Every variable is listed (with its default) in the README's configuration table.
import { isIP } from "node:net";
import path from "node:path";
import { Type, type Static } from "typebox";
import { ContractError, GraderEnv, LogEnv, parseEnv } from "@autograder/shared/contracts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: "127.0.0.1" }),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATA_DIR: Type.String({ minLength: 1, default: ".data" }),
  EXERCISES_DIR: Type.String({ minLength: 1, default: "exercises" }),
  // LOG_LEVEL: shared with the grader's processes.
  ...LogEnv.properties,
  ADMIN_EMAIL: Type.Optional(Type.String({ format: "email" })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10 })),
  // GRADER_WORKERS, GRADER_CONCURRENCY, SHUTDOWN_TIMEOUT_MS: shared with the standalone grader.
  ...GraderEnv.properties,
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 24 * 7 }),
  COOKIE_SECURE: Type.Union([Type.Literal("auto"), Type.Literal("true"), Type.Literal("false")], { default: "auto" }),
  TRUST_PROXY: Type.String({ default: "" }),
  SSE_PER_USER: Type.Integer({ minimum: 1, maximum: 1000, default: 8 }),
  SSE_OPENS_PER_SECOND: Type.Integer({ minimum: 1, maximum: 100_000, default: 50 }),
  PUBLIC_URL: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  LTI_KEY_SECRET: Type.Optional(Type.String({ minLength: 1 })),
});

/** Names proxy-addr (Fastify's trustProxy) knows for whole address ranges. */
const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY: empty, "false" or "off" trusts no proxy; otherwise a comma-separated list of
 * proxy addresses, CIDR ranges or the names loopback, linklocal, uniquelocal.
 */
export function parseTrustProxy(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === "false" || trimmed === "off") return [];
  const entries = trimmed.split(",").map((s) => s.trim());
  for (const entry of entries) {
    if (PROXY_RANGES.has(entry)) continue;
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `Invalid configuration: TRUST_PROXY=${JSON.stringify(value)}: ${JSON.stringify(entry)} is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal.`,
      );
    }
  }
  return entries;
}

/**
 * PUBLIC_URL: an http(s) origin with an optional path prefix, without query or fragment. Unset:
 * http://localhost:PORT when listening on a loopback or wildcard address (development), else
 * http://HOST:PORT. An LMS needs the https URL it reaches us at, so production sets it.
 */
export function parsePublicUrl(value: string | undefined, host: string, port: number): string {
  if (value === undefined) {
    const local = ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"].includes(host);
    return `http://${local ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`Invalid configuration: PUBLIC_URL=${JSON.stringify(value)} is not a URL.`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new ConfigError(`Invalid configuration: PUBLIC_URL=${JSON.stringify(value)} must be an http(s) URL without credentials, query or fragment.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

type RawConfig = Static<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  exercisesDir: string;
  logLevel: RawConfig["LOG_LEVEL"];
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  graderWorkers: number;
  graderConcurrency: number;
  sessionTtlHours: number;
  cookieSecure: "auto" | "true" | "false";
  /** Proxies whose X-Forwarded-For/-Proto/-Host are believed; empty: none (the default). */
  trustProxy: string[];
  /** The whole orderly shutdown must finish within this; then the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Live-status streams one user may hold open at once. */
  ssePerUser: number;
  /** Streams the whole server opens per second (a burst of this size is allowed). */
  sseOpensPerSecond: number;
  /** The tool's external base URL (no trailing slash): every URL published to an LMS starts with it. */
  publicUrl: string;
  /** Encrypts the LTI tool keys at rest; unset: a random key kept in DATA_DIR/lti-key-secret. */
  ltiKeySecret: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let c: RawConfig;
  try {
    c = parseEnv(ConfigSchema, env);
  } catch (error) {
    throw error instanceof ContractError ? new ConfigError(error.message) : error;
  }
  if ((c.ADMIN_EMAIL === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError("Invalid configuration: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.");
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(REPO_ROOT, c.DATA_DIR),
    exercisesDir: path.resolve(REPO_ROOT, c.EXERCISES_DIR),
    logLevel: c.LOG_LEVEL,
    adminEmail: c.ADMIN_EMAIL,
    adminPassword: c.ADMIN_PASSWORD,
    graderWorkers: c.GRADER_WORKERS,
    graderConcurrency: c.GRADER_CONCURRENCY,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    ssePerUser: c.SSE_PER_USER,
    sseOpensPerSecond: c.SSE_OPENS_PER_SECOND,
    publicUrl: parsePublicUrl(c.PUBLIC_URL, c.HOST, c.PORT),
    ltiKeySecret: c.LTI_KEY_SECRET,
  };
}
