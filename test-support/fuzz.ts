// A fuzzer driven by the API's own OpenAPI document (/api/docs/json): for every route it
// draws path parameters, query strings and bodies from the route's schemas (fast-check), then
// spoils them (wrong types, NUL bytes, huge numbers and strings, impossible dates, malformed
// percent-encoding, long path segments), sends them with a random identity through
// fastify.inject (no network), and records every response that is a 5xx or not in the
// `{"error":{"code","message"}}` shape.
import fc from "fast-check";
import type { FastifyInstance } from "fastify";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  produces?: string[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

export interface Route {
  method: string;
  /** OpenAPI path, e.g. /api/courses/{id}. */
  path: string;
  params: Parameter[];
  body: JsonSchema | undefined;
  /** Answers with a stream that stays open: fuzzed with unknown ids only. */
  streaming: boolean;
}

export interface Identity {
  name: string;
  headers: Record<string, string>;
}

export interface Finding {
  /** 5xx; an error outside our shape; a body of the wrong type accepted (coerced) with a 2xx. */
  kind: "5xx" | "shape" | "coerced";
  route: string;
  status: number;
  url: string;
  body: unknown;
  response: string;
  identity: string;
}

export interface FuzzReport {
  routes: number;
  requests: number;
  statuses: Record<string, number>;
  findings: Finding[];
  durationMs: number;
}

export function routesOf(doc: { paths: Record<string, Record<string, Operation>> }): Route[] {
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (path.startsWith("/api/docs")) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const streaming = JSON.stringify(op.responses ?? {}).includes("text/event-stream") || (op.produces ?? []).includes("text/event-stream") || path.endsWith("/events");
      routes.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.["application/json"]?.schema, streaming });
    }
  }
  return routes;
}

const NUL = "\u0000";
const hostileString = fc.oneof(
  fc.constant(`a${NUL}b`),
  fc.constant(NUL),
  fc.string({ maxLength: 20 }).map((s) => `${s}${NUL}`),
  fc.constant("x".repeat(100_000)),
  fc.constant("\uD800"),
  fc.constant("'; DROP TABLE users; --"),
  fc.constant("../../etc/passwd"),
  fc.constant("0000-01-01T00:00:00Z"),
  fc.constant("2016-12-31T23:59:60Z"),
  fc.constant("9999999-12-31T00:00:00Z"),
  fc.constant(""),
  fc.constant("   "),
);
const hostileNumber = fc.oneof(
  fc.constant(-1),
  fc.constant(0),
  fc.constant(2 ** 31),
  fc.constant(2 ** 53 + 2),
  fc.constant(1e308),
  fc.constant(-1e308),
  fc.constant(0.5),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
/** Any JSON value (a wrong type almost everywhere). */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  hostileNumber,
  fc.string({ maxLength: 10 }),
  hostileString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

function typed(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((s) => fromSchema(s)));
  if (schema.allOf && schema.allOf.length > 0) return fromSchema(schema.allOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      switch (schema.format) {
        case "uuid":
          return fc.uuid();
        case "email":
          return fc.emailAddress();
        case "date-time":
          return fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
        default:
          return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
      }
    case "integer":
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? fromSchema(schema.items) : anyJson, { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case "object": {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v);
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return anyJson;
  }
}

/** Mostly valid values, sometimes hostile ones of the same or another type. */
export function fromSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  const good = typed(schema);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const spoiled = type === "string" ? hostileString : type === "integer" || type === "number" ? hostileNumber : anyJson;
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: spoiled, weight: 2 }, { arbitrary: anyJson, weight: 1 });
}

const text = (v: unknown): string => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));

/** encodeURIComponent that also encodes lone surrogates (as the invalid UTF-8 a client could send). */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "")) + "%ED%A0%80";
  }
}

/** Path segments: drawn values, known ids, or hostile ones (bad percent-encoding, very long). */
function pathValue(schema: JsonSchema | undefined, known: readonly string[]): fc.Arbitrary<string> {
  const raw = fc.oneof(
    { arbitrary: typed(schema ?? { type: "string" }).map((v) => enc(text(v))), weight: 4 },
    ...(known.length > 0 ? [{ arbitrary: fc.constantFrom(...known).map(enc), weight: 4 }] : []),
    { arbitrary: fc.constantFrom("%", "%E0%A4%A", "%ZZ", "%00", "a%00b", "x".repeat(5000), "%C0%AF", ".."), weight: 2 },
  );
  return raw;
}

function queryValue(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: typed(schema ?? { type: "string" }).map(text), weight: 4 },
    { arbitrary: fc.constantFrom("-1", "1e308", "99999999999999999999", "NaN", "\u0000", "2016-12-31T23:59:60Z", "0000-01-01", "x".repeat(10_000)), weight: 2 },
  );
}

export function isErrorShape(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" && typeof (error as { message?: unknown }).message === "string";
}

export interface FuzzOptions {
  app: FastifyInstance;
  routes: Route[];
  identities: Identity[];
  /** Ids that exist (courses, exercises, submissions...), drawn for path parameters. */
  knownIds: readonly string[];
  runsPerRoute: number;
  /** Stops drawing new requests after this long. */
  timeLimitMs: number;
  seed: number;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const statuses: Record<string, number> = {};
  const findings: Finding[] = [];
  let requests = 0;
  for (const route of options.routes) {
    if (Date.now() - started > options.timeLimitMs) break;
    const pathParams = route.params.filter((p) => p.in === "path");
    const queryParams = route.params.filter((p) => p.in === "query");
    const pathArb = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.schema, route.streaming ? [] : options.knownIds)])));
    const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, queryValue(p.schema)])), { requiredKeys: [] });
    const bodyArb = route.body ? fc.oneof({ arbitrary: fromSchema(route.body), weight: 8 }, { arbitrary: anyJson, weight: 2 }) : fc.constant(undefined);
    const identityArb = fc.constantFrom(...options.identities);
    const samples = fc.sample(fc.tuple(pathArb, queryArb, bodyArb, identityArb), { numRuns: options.runsPerRoute, seed: options.seed + requests });
    for (const [params, query, body, identity] of samples) {
      if (Date.now() - started > options.timeLimitMs) break;
      let url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => (params as Record<string, string>)[name] ?? "x");
      const qs = Object.entries(query as Record<string, string>)
        .map(([k, v]) => `${enc(k)}=${enc(v)}`)
        .join("&");
      if (qs) url += `?${qs}`;
      const res = await options.app.inject({
        method: route.method as "GET",
        url,
        headers: { ...identity.headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      requests++;
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      let parsed: unknown;
      try {
        parsed = JSON.parse(res.body);
      } catch {
        parsed = undefined;
      }
      const bad = res.statusCode >= 500 || (res.statusCode >= 400 && !isErrorShape(parsed));
      if (bad) {
        findings.push({
          kind: res.statusCode >= 500 ? "5xx" : "shape",
          route: `${route.method} ${route.path}`,
          status: res.statusCode,
          url: url.length > 200 ? `${url.slice(0, 200)}...` : url,
          body: JSON.stringify(body ?? null).slice(0, 200),
          response: res.body.slice(0, 300),
          identity: identity.name,
        });
      }
    }
  }
  for (const route of options.routes) {
    if (Date.now() - started > options.timeLimitMs) break;
    const probe = await coercionProbe(options, route);
    requests += probe.requests;
    for (const [status, n] of Object.entries(probe.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    findings.push(...probe.findings);
  }
  return { routes: options.routes.length, requests, statuses, findings, durationMs: Date.now() - started };
}

/**
 * Sends a valid body with one string property replaced by a number, as each identity with a
 * known id in the path: a 2xx means the body was coerced instead of refused.
 */
async function coercionProbe(options: FuzzOptions, route: Route): Promise<{ requests: number; statuses: Record<string, number>; findings: Finding[] }> {
  const statuses: Record<string, number> = {};
  const findings: Finding[] = [];
  let requests = 0;
  const body = route.body;
  const strings = Object.entries(body?.properties ?? {}).filter(([, p]) => p.type === "string" && p.enum === undefined && p.format === undefined);
  if (body === undefined || strings.length === 0 || route.streaming) return { requests, statuses, findings };
  const [valid] = fc.sample(typed(body), { numRuns: 1, seed: options.seed });
  for (const [name] of strings) {
    const payload = { ...(valid as Record<string, unknown>), [name]: 123 };
    for (const identity of options.identities.filter((i) => i.name.endsWith("(token)"))) {
      for (const id of options.knownIds.slice(0, 4)) {
        const url = route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
        const res = await options.app.inject({ method: route.method as "POST", url, headers: { ...identity.headers, "content-type": "application/json" }, payload: JSON.stringify(payload) });
        requests++;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode < 300) {
          findings.push({ kind: "coerced", route: `${route.method} ${route.path}`, status: res.statusCode, url, body: JSON.stringify(payload).slice(0, 200), response: res.body.slice(0, 300), identity: identity.name });
          break;
        }
        if (!route.path.includes("{")) break;
      }
    }
  }
  return { requests, statuses, findings };
}
