// The OpenAPI-driven fuzzer at full size (npm run test:chaos): every route, bounded in count
// and time, in-process (fastify.inject, nothing on the network).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../../test-support/fuzz.ts";
import { fuzzWorld, type FuzzWorld } from "../../test-support/fuzz-world.ts";
import { KNOWN_INPUT_FINDINGS, isKnown } from "../fuzz-known.ts";

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

let w: FuzzWorld;
beforeAll(async () => {
  w = await fuzzWorld();
});
afterAll(() => w?.t.close());

describe("OpenAPI fuzzer", () => {
  it(`every route, ${RUNS_PER_ROUTE} requests each: no 5xx, every error in the {"error":{"code","message"}} shape`, { timeout: 600_000 }, async () => {
    const report = await fuzz({ app: w.t.app, routes: w.routes, identities: w.identities, knownIds: w.knownIds, runsPerRoute: RUNS_PER_ROUTE, timeLimitMs: 400_000, seed: SEED });
    const unknown = report.findings.filter((f) => !isKnown(f));
    const known = report.findings.filter(isKnown);
    console.log(JSON.stringify({ routes: report.routes, requests: report.requests, statuses: report.statuses, durationMs: report.durationMs, knownFindings: known.length, knownRules: KNOWN_INPUT_FINDINGS.length }));
    for (const f of known) console.log(`known: ${f.kind} ${f.status} ${f.route} as ${f.identity}: ${f.body}`);
    for (const f of unknown.slice(0, 20)) console.log(JSON.stringify(f));
    expect(report.requests).toBeGreaterThan(report.routes * Math.min(RUNS_PER_ROUTE, 10));
    expect(unknown).toEqual([]);
  });
});
