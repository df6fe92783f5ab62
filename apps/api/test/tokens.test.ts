// Access tokens are scoped: a token mints tokens only with the `tokens` scope, never grants
// more than it has, and its children die with it; a password change revokes every token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { PASSWORD, bearer, createToken, login, makeUser, type Browser } from "./support/accounts.ts";

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t.prisma, "instructor", "owner@school.test");
  browser = await login(t.app, "owner@school.test");
});
afterAll(() => t.close());

const mint = (headers: Record<string, string>, payload: object) => t.app.inject({ method: "POST", url: "/api/tokens", headers, payload });
const me = (token: string) => t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) });

describe("scoped access tokens", () => {
  it("a token without the tokens scope cannot mint tokens", async () => {
    const plain = await createToken(t.app, browser, "plain");
    const res = await mint(bearer(plain.token), { name: "child" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("a minting token grants no more than it has, no longer, and its children die with it", async () => {
    const parentRes = await mint(browser.headers(), { name: "ci", scopes: ["read", "tokens"], expiresInDays: 2 });
    expect(parentRes.statusCode).toBe(201);
    const parent = parentRes.json() as { id: string; token: string; expiresAt: string };
    expect((await mint(bearer(parent.token), { name: "wider", scopes: ["read", "write"] })).statusCode).toBe(403);
    // Minting is a state-changing request, which needs `write`: a read+tokens token cannot mint either.
    expect((await mint(bearer(parent.token), { name: "child", scopes: ["read"] })).statusCode).toBe(403);

    const writer = (await mint(browser.headers(), { name: "writer", scopes: ["read", "write", "tokens"], expiresInDays: 2 })).json() as typeof parent;
    const childRes = await mint(bearer(writer.token), { name: "child", scopes: ["read"], expiresInDays: 30 });
    expect(childRes.statusCode).toBe(201);
    const child = childRes.json() as typeof parent & { scopes: string[] };
    expect(child.scopes).toEqual(["read"]);
    expect(new Date(child.expiresAt).getTime()).toBeLessThanOrEqual(new Date(writer.expiresAt).getTime());
    expect((await me(child.token)).statusCode).toBe(200);
    // Read-only: it cannot change anything.
    const write = await t.app.inject({ method: "POST", url: "/api/courses", headers: bearer(child.token), payload: { title: "x" } });
    expect(write.statusCode).toBe(403);
    // Revoking the parent kills the child.
    expect((await t.app.inject({ method: "DELETE", url: `/api/tokens/${writer.id}`, headers: browser.headers() })).statusCode).toBe(204);
    expect((await me(writer.token)).statusCode).toBe(401);
    expect((await me(child.token)).statusCode).toBe(401);
    const listed = (await t.app.inject({ method: "GET", url: "/api/tokens", headers: browser.headers() })).json() as Array<{ id: string; revokedAt: string | null; parentId: string | null }>;
    expect(listed.find((x) => x.id === child.id)).toMatchObject({ parentId: writer.id, revokedAt: expect.any(String) });
  });

  it("a child of an expired parent stops working", async () => {
    const writer = (await mint(browser.headers(), { name: "w", scopes: ["read", "write", "tokens"] })).json() as { id: string; token: string };
    const child = (await mint(bearer(writer.token), { name: "c" })).json() as { token: string };
    expect((await me(child.token)).statusCode).toBe(200);
    await t.prisma.accessToken.update({ where: { id: writer.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(child.token)).statusCode).toBe(401);
  });

  it("a password change revokes every token and every other session", async () => {
    await makeUser(t.prisma, "student", "changer@school.test");
    const first = await login(t.app, "changer@school.test");
    const second = await login(t.app, "changer@school.test");
    const tokens = [await createToken(t.app, first, "a"), await createToken(t.app, second, "b")];
    for (const tok of tokens) expect((await me(tok.token)).statusCode).toBe(200);
    const changed = await t.app.inject({
      method: "POST",
      url: "/api/me/password",
      headers: first.headers(),
      payload: { currentPassword: PASSWORD, newPassword: "another-long-password" },
    });
    expect(changed.statusCode).toBe(204);
    for (const tok of tokens) expect((await me(tok.token)).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: second.headers() })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: first.headers() })).statusCode).toBe(200);
  });
});
