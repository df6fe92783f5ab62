import { readdirSync, existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Realm } from "../src/host/vm-realm.ts";

const ROOT = fileURLToPath(new URL("../../../exercises/threading/", import.meta.url));
const exercises = existsSync(ROOT)
  ? readdirSync(ROOT).filter((name) => existsSync(`${ROOT}${name}/workload.ts`))
  : [];

/** The platform names an exercise hides from the student, from its manifest (exercise.yaml). */
function hiddenNames(exercise: string): string[] {
  const manifest = parse(readFileSync(`${ROOT}${exercise}/exercise.yaml`, "utf8")) as { modules?: { threading?: { hide?: string[] } } };
  return manifest.modules?.threading?.hide ?? [];
}

async function failingScenario(realm: Realm) {
  for (const scenario of realm.scenarioNames()) {
    const report = await realm.explore(scenario);
    if (!report.ok) return { scenario, report };
  }
  return undefined;
}

describe.each(exercises)("exercise threading/%s", (exercise) => {
  const dir = `${ROOT}${exercise}/`;
  const workload = `${dir}workload.ts`;
  const forbidden = hiddenNames(exercise);

  it("reference passes every scenario within the default budget", async () => {
    const realm = await Realm.create(workload, `${dir}solution.ts`, forbidden);
    for (const scenario of realm.scenarioNames()) {
      const report = await realm.explore(scenario);
      expect({ scenario, ...report }).toMatchObject({ scenario, ok: true });
    }
  });

  it("starter fails at least one scenario", async () => {
    const realm = await Realm.create(workload, `${dir}starter.ts`, forbidden);
    expect(await failingScenario(realm)).toBeDefined();
  });

  const mutants = readdirSync(`${dir}mutants`).filter((f) => f.endsWith(".ts"));
  it("has at least 4 mutants", () => expect(mutants.length).toBeGreaterThanOrEqual(4));

  it.each(mutants)("mutant %s is caught and its seed replays to the same trace", async (mutant) => {
    const realm = await Realm.create(workload, `${dir}mutants/${mutant}`, forbidden);
    const found = await failingScenario(realm);
    expect(found, `mutant ${mutant} survived`).toBeDefined();
    if (found === undefined) return;
    const seed = found.report.seed ?? "";
    const again = await realm.replay(found.scenario, seed);
    expect(again.verdict).toBe(found.report.verdict);
    expect(JSON.stringify(again.visualization)).toBe(JSON.stringify(found.report.visualization));
    // A fresh realm (another run of the grader) replays the seed to the same trace too.
    const fresh = await (await Realm.create(workload, `${dir}mutants/${mutant}`, forbidden)).replay(found.scenario, seed);
    expect(JSON.stringify(fresh.visualization)).toBe(JSON.stringify(found.report.visualization));
  });
});

describe("forbidden platform exports", () => {
  it("a Mutex that imports the platform Lock does not build", async () => {
    const dir = `${ROOT}mutex/`;
    const cheat = fileURLToPath(new URL("./fixtures/mutex-with-platform-lock.ts", import.meta.url));
    await expect(Realm.create(`${dir}workload.ts`, cheat, hiddenNames("mutex"))).rejects.toThrow(/Lock/);
  });
});
