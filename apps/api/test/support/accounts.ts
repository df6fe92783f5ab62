// Helpers for the account, course and report tests: users, logins, tokens, exercises.
import type { FastifyInstance } from "fastify";
import type { PrismaClient } from "@autograder/db";
import { hashPassword } from "../../src/auth/password.ts";
import type { Role } from "../../src/auth/context.ts";

export const PASSWORD = "correct-horse-battery";

let cachedHash: Promise<string> | undefined;
/** One scrypt hash shared by every test user (hashing is deliberately slow). */
function sharedHash(): Promise<string> {
  cachedHash ??= hashPassword(PASSWORD);
  return cachedHash;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
}

export async function makeUser(prisma: PrismaClient, role: Role, email: string, name = email.split("@")[0]!): Promise<TestUser> {
  const user = await prisma.user.create({ data: { email, name, role, passwordHash: await sharedHash() } });
  return { id: user.id, email, role };
}

/** A logged-in browser: the session cookie and its CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
  /** Headers for a request: the cookie, plus the CSRF token unless `csrf` is false. */
  headers(csrf?: boolean): Record<string, string>;
}

export function cookieFrom(setCookie: string | string[] | undefined, name = "sid"): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookie)}`);
  return found.split(";")[0]!;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<Browser> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = cookieFrom(res.headers["set-cookie"]);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const headers = (withCsrf = true): Record<string, string> => (withCsrf ? { cookie, "x-csrf-token": csrf } : { cookie });
  return { cookie, csrf, headers };
}

export async function createToken(app: FastifyInstance, browser: Browser, name = "script"): Promise<{ id: string; token: string }> {
  const res = await app.inject({ method: "POST", url: "/api/tokens", headers: browser.headers(), payload: { name } });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** An exercise with one valid version, published unless `published` is false. */
export async function makeExercise(
  prisma: PrismaClient,
  id: string,
  { published = true, title = id }: { published?: boolean; title?: string } = {},
): Promise<{ id: string; versionId: string }> {
  await prisma.exercise.create({ data: { id, family: id.split("/")[0]!, title } });
  const version = await prisma.exerciseVersion.create({
    data: { exerciseId: id, number: 1, contentHash: `hash-${id}`, manifest: {}, files: {}, validation: "valid" },
  });
  await prisma.exercise.update({
    where: { id },
    data: { latestVersionId: version.id, ...(published ? { publishedVersionId: version.id } : {}) },
  });
  return { id, versionId: version.id };
}
