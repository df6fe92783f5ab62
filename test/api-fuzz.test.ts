// A small sample of the reliability suite's OpenAPI fuzzer in every `npm test` (a few requests
// per route, a fixed seed); the full run is `npm run test:chaos`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../test-support/fuzz.ts";
import { fuzzWorld, type FuzzWorld } from "../test-support/fuzz-world.ts";
import { isKnown } from "./fuzz-known.ts";

let w: FuzzWorld;
beforeAll(async () => {
  w = await fuzzWorld();
});
afterAll(() => w?.t.close());

describe("OpenAPI fuzzer (sample)", () => {
  it("every route from the OpenAPI document, 5 requests each: no 5xx, errors in our shape", { timeout: 120_000 }, async () => {
    expect(w.routes.length).toBeGreaterThan(30);
    const report = await fuzz({ app: w.t.app, routes: w.routes, identities: w.identities, knownIds: w.knownIds, runsPerRoute: 5, timeLimitMs: 60_000, seed: 7 });
    expect(report.requests).toBeGreaterThanOrEqual(w.routes.length * 5);
    expect(report.findings.filter((f) => !isKnown(f))).toEqual([]);
  });

  it("a NUL byte and malformed percent-encoding are 400s in our shape; a huge offset is no 5xx", async () => {
    const admin = w.identities.find((i) => i.name === "admin (token)")!.headers;
    const cases = [
      { method: "POST" as const, url: "/api/tokens", payload: { name: "a\u0000b" } },
      { method: "GET" as const, url: "/api/courses/%E0%A4%A" },
      { method: "GET" as const, url: "/api/courses/%ZZ/assignments" },
    ];
    for (const c of cases) {
      const res = await w.t.app.inject({ ...c, headers: admin });
      expect(res.statusCode, c.url).toBe(400);
      expect(res.json(), c.url).toMatchObject({ error: { code: "VALIDATION", message: expect.any(String) } });
    }
    for (const offset of ["99999999999999999999", "1e308", "9007199254740993"]) {
      const res = await w.t.app.inject({ method: "GET", url: `/api/users?offset=${offset}`, headers: admin });
      expect(res.statusCode, offset).toBeLessThan(500);
      if (res.statusCode >= 400) expect(res.json(), offset).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
