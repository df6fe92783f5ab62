// The one way the app talks to the server: JSON, cookie session, CSRF header on writes,
// errors turned into ApiError with the catalog's code and message.
import type { ErrorBody } from "@autograder/shared";
import type { GetPath, GetResponse, PathParams } from "./api-types.ts";

// Only types come from @autograder/shared: its index also exports the API's TypeBox schemas,
// which would add ~200 KB of runtime to the first page.
function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
/** Requests made before there is a session (the server exempts them). */
const NO_CSRF = new Set(["/api/auth/login"]);

/** Forget the CSRF token (after login or logout the session, and so the token, changes). */
export function resetCsrf(): void {
  csrfToken = undefined;
}

/** Login and registration answer with the new session's token. */
export function setCsrf(token: string | undefined): void {
  csrfToken = token;
}

/** The session's CSRF token; undefined when there is no session (nothing to protect yet). */
async function getCsrf(): Promise<string | undefined> {
  if (csrfToken === undefined) {
    try {
      const body = await request<{ csrfToken: string }>("GET", "/api/auth/csrf");
      csrfToken = body.csrfToken;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }
  return csrfToken;
}

const unauthenticatedListeners = new Set<() => void>();

/**
 * Called whenever the server answers 401 UNAUTHENTICATED (the session ended: logged out in
 * another tab, expired). A wrong password (BAD_CREDENTIALS) is not a lost session.
 */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** A raw body (a zip upload) instead of JSON. */
class RawBody {
  constructor(
    readonly data: Blob,
    readonly type: string,
  ) {}
}

async function request<T>(method: string, path: string, body?: unknown, retried = false, csrf = true): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = body instanceof RawBody ? body.type : "application/json";
  if (method !== "GET" && method !== "HEAD" && csrf && !NO_CSRF.has(path)) {
    const token = await getCsrf();
    if (token !== undefined) headers["x-csrf-token"] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : body instanceof RawBody ? body.data : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server cannot be reached; check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    if (isErrorBody(json)) {
      if (json.error.code === "CSRF_INVALID" && !retried) {
        resetCsrf();
        return request<T>(method, path, body, true);
      }
      if (res.status === 401 && json.error.code === "UNAUTHENTICATED") for (const listener of [...unauthenticatedListeners]) listener();
      throw new ApiError(res.status, json.error.code, json.error.message);
    }
    throw new ApiError(res.status, "HTTP_" + res.status, `The server answered ${res.status} ${res.statusText}.`);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body: unknown = {}) => request<T>("POST", path, body),
  /** A POST made before there is a session (registration): no CSRF token exists yet. */
  postAnonymous: <T>(path: string, body: unknown = {}) => request<T>("POST", path, body, false, false),
  put: <T>(path: string, body: unknown = {}) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown = {}) => request<T>("PATCH", path, body),
  /** POST a file as it is (e.g. a zip with content-type application/zip). */
  postRaw: <T>(path: string, data: Blob, type: string) => request<T>("POST", path, new RawBody(data, type)),
  del: <T>(path: string) => request<T>("DELETE", path),
};

/** The `{name}` parameters of `P`, or nothing when it has none. */
type ParamsArg<P extends GetPath> = [PathParams<P>] extends [never] ? [] : [params: PathParams<P>];

/**
 * GET a route of the OpenAPI document by its template ("/api/courses/{id}"), each `{name}` filled
 * (encoded) from `params`: the path and the answer's type are checked against the API's contract.
 */
export function getPath<P extends GetPath>(path: P, ...[params]: ParamsArg<P>): Promise<GetResponse<P>> {
  const values = (params ?? {}) as Record<string, string | number>;
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`getPath: no value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
  return request<GetResponse<P>>("GET", url);
}

/** Exercise ids contain a slash (sorting/selection-sort): one encoded path segment. */
export const exercisePath = (id: string) => `/api/exercises/${encodeURIComponent(id)}`;

/** Field names as a person reads them: joinCode -> "join code" unless `labels` names it. */
function fieldLabel(name: string, labels: Readonly<Record<string, string>>): string {
  return labels[name] ?? name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

// The schema validator's wording, said as a sentence (its message follows the field's name).
const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must NOT have fewer than (\d+) characters$/, (m) => `must be at least ${m[1]} characters long`],
  [/^must NOT have more than (\d+) characters$/, (m) => `must be at most ${m[1]} characters long`],
  [/^must match format "email"$/, () => "must be an email address"],
  [/^must have required property '(\w+)'$/, () => "is missing"],
];

/**
 * The API's schema errors read "Invalid body/joinCode: must NOT have fewer than 4 characters";
 * a person gets "The join code must be at least 4 characters long." instead of the schema path.
 */
export function readableValidation(message: string, labels: Readonly<Record<string, string>> = {}): string {
  const m = /^Invalid (?:body|params|querystring|headers)((?:\/[^:\s]*)?): (.*)$/.exec(message);
  if (!m) return message;
  const [, path = "", rule = ""] = m;
  const missing = /^must have required property '(\w+)'$/.exec(rule);
  const name = missing?.[1] ?? path.split("/").filter(Boolean).at(-1);
  const said = RULES.find(([re]) => re.test(rule));
  const text = said ? said[1](rule.match(said[0]) as RegExpMatchArray) : "is not valid";
  const label = name === undefined ? "The request" : `The ${fieldLabel(name, labels)}`;
  return `${label} ${text}.`;
}

export function errorMessage(error: unknown, labels: Readonly<Record<string, string>> = {}): string {
  if (error instanceof ApiError) return error.code === "VALIDATION" ? readableValidation(error.message, labels) : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
