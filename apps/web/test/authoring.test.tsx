// @vitest-environment jsdom
// The authoring page's pure logic (tabs, template, mutants in exercise.yaml, validation
// reports, regrade progress), the student timeline's maths, and the timeline view.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { parse as parseYaml } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { addMutant, confirmRegradeText, fileOrder, idProblem, languageOf, regradePercent, regradeSummaryText, regradeText, removeMutant, reportChecks, reportQuality, sameFiles, templateFiles, testNames } from "../src/authoring.ts";
import { QualityOf } from "../src/components/QualityTable.tsx";
import { TimelineView } from "../src/pages/Timeline.tsx";
import { entryPercent, summarizeTimeline, timelinePoints, type TimelineEntry } from "../src/timeline.ts";

afterEach(cleanup);

describe("the mutation score on the authoring page", () => {
  const quality = {
    requirements: { covered: 3, total: 4 },
    generated: 40,
    mutants: 24,
    killed: 20,
    equivalent: 1,
    survived: 3,
    score: 20 / 23,
    seconds: 4.2,
    survivors: [{ id: "5:22 EqualityOperator: a >= b", mutator: "EqualityOperator", line: 5, original: "  if (a > b) {", mutated: "  if (a >= b) {" }],
  };

  it("says the score is being measured while the grader measures it", () => {
    render(<QualityOf exerciseId="sorting/x" report={{ checks: [], qualityMeasuring: true }} />);
    expect(screen.getByTestId("quality-measuring").textContent).toMatch(/^Measuring how well the tests catch mistakes/);
    cleanup();
    render(<QualityOf exerciseId="sorting/x" report={{ checks: [] }} />);
    expect(screen.queryByTestId("quality-measuring")).toBeNull();
  });

  it("reads it from a validation report, and nothing from a report without one", () => {
    expect(reportQuality({ checks: [], quality })).toEqual(quality);
    expect(reportQuality({ checks: [] })).toBeNull();
    expect(reportQuality({ quality: { ...quality, killed: "20" } })).toBeNull();
    expect(reportQuality(null)).toBeNull();
  });

  it("shows the score against 90%, the sample, and each survivor's line before and after", () => {
    render(<QualityOf exerciseId="sorting/x" report={{ checks: [], quality }} />);
    const table = screen.getByRole("table", { name: "Mutation score" });
    expect(within(table).getByText("3/4")).toBeTruthy();
    expect(within(table).getByText("24 of 40")).toBeTruthy();
    expect(screen.getByTestId("quality-score").textContent).toBe("87%");
    expect(screen.getByTestId("quality-score").className).toBe("bad");
    const survivors = screen.getByRole("list", { name: "Surviving mutants" });
    expect(within(survivors).getByText("5:22 EqualityOperator: a >= b")).toBeTruthy();
    expect(survivors.textContent).toContain("- if (a > b) {\n+ if (a >= b) {");
  });
});

describe("authoring logic", () => {
  it("orders tabs: fixed files first, then mutants by name", () => {
    const files = { "mutants/b.ts": "", "tests.ts": "", "README.md": "", "mutants/a.ts": "", "exercise.yaml": "", "solution.ts": "", "starter.ts": "", "workload.ts": "" };
    expect(fileOrder(files)).toEqual(["exercise.yaml", "README.md", "starter.ts", "solution.ts", "tests.ts", "workload.ts", "mutants/a.ts", "mutants/b.ts"]);
    expect(languageOf("exercise.yaml")).toBe("yaml");
    expect(languageOf("README.md")).toBe("markdown");
    expect(languageOf("mutants/a.ts")).toBe("typescript");
  });

  it("checks new ids like the API does", () => {
    expect(idProblem("sorting/my-exercise")).toBeNull();
    expect(idProblem("Sorting/x")).toMatch(/lowercase/);
    expect(idProblem("nofamily")).toMatch(/family\/name/);
    expect(idProblem("cooking/x")).toMatch(/sorting, sockets, threading/);
  });

  it("makes a template whose manifest names its family, title and mutant", () => {
    const files = templateFiles("threading/my-lock");
    const manifest = parseYaml(files["exercise.yaml"] as string) as { title: string; family: string; mutants: { file: string; catches: string[] }[] };
    expect(manifest.family).toBe("threading");
    expect(manifest.title).toBe("My lock");
    expect(manifest.mutants).toEqual([{ file: "reversed.ts", catches: ["sorts a small array", "negative numbers"] }]);
    expect(files["mutants/reversed.ts"]).toBeDefined();
    expect(testNames(files["tests.ts"] as string)).toEqual(["sorts a small array", "negative numbers"]);
  });

  it("adds and removes a mutant in the files and in exercise.yaml", () => {
    const base = templateFiles("sorting/x");
    const added = addMutant(base, "off-by-one.ts", ["negative numbers"]);
    expect(added["mutants/off-by-one.ts"]).toBe(base["solution.ts"]);
    const m1 = parseYaml(added["exercise.yaml"] as string) as { mutants: unknown[]; title: string };
    expect(m1.title).toBe("X");
    expect(m1.mutants).toEqual([
      { file: "reversed.ts", catches: ["sorts a small array", "negative numbers"] },
      { file: "off-by-one.ts", catches: ["negative numbers"] },
    ]);
    expect(() => addMutant(added, "off-by-one.ts", [])).toThrow(/already exists/);
    expect(() => addMutant(added, "../evil.ts", [])).toThrow(/file name/);

    const removed = removeMutant(added, "reversed.ts");
    expect(removed["mutants/reversed.ts"]).toBeUndefined();
    expect((parseYaml(removed["exercise.yaml"] as string) as { mutants: unknown[] }).mutants).toEqual([{ file: "off-by-one.ts", catches: ["negative numbers"] }]);
    const none = removeMutant(removed, "off-by-one.ts");
    expect((parseYaml(none["exercise.yaml"] as string) as { mutants: unknown[] }).mutants).toEqual([]);
    // Adding to an emptied list, and to a manifest without a mutants key, keeps valid YAML.
    const again = addMutant(none, "z.ts", ["a b"]);
    expect((parseYaml(again["exercise.yaml"] as string) as { mutants: unknown[] }).mutants).toEqual([{ file: "z.ts", catches: ["a b"] }]);
    const bare = addMutant({ "exercise.yaml": "title: T\nfamily: sorting", "solution.ts": "s" }, "q.ts", ['it\'s "odd"']);
    expect(parseYaml(bare["exercise.yaml"] as string)).toEqual({ title: "T", family: "sorting", mutants: [{ file: "q.ts", catches: ['it\'s "odd"'] }] });
  });

  it("reads the checks of a validation report, whatever its shape", () => {
    expect(reportChecks({ ok: false, checks: [{ what: "reference scores 100%", ok: false, detail: "failed 1/3" }, { what: "starter does not pass", ok: true, detail: "" }] })).toEqual([
      { what: "reference scores 100%", ok: false, detail: "failed 1/3" },
      { what: "starter does not pass", ok: true, detail: "" },
    ]);
    expect(reportChecks(null)).toEqual([]);
    expect(reportChecks({ checks: "nope" })).toEqual([]);
  });

  it("computes regrade progress", () => {
    expect(regradePercent({ total: 0, done: 0, failed: 0, finished: true })).toBe(100);
    expect(regradePercent({ total: 4, done: 1, failed: 0, finished: false })).toBe(25);
    expect(regradePercent({ total: 4, done: 3, failed: 2, finished: true })).toBe(100);
    expect(regradeText({ id: "r", total: 4, done: 1, failed: 1, finished: false })).toBe("Regrading: 2 of 4 submissions, 1 failed…");
    expect(regradeText({ id: "r", total: 2, done: 2, failed: 0, finished: true })).toBe("Regrade finished: 2 of 2 submissions.");
    expect(regradeText({ id: "r", total: 4, enqueued: 2, done: 0, failed: 0, finished: false })).toBe("Regrading: 0 of 4 submissions (2 queued)…");
    expect(regradePercent({ total: 4, done: 2, failed: 0, skipped: 2, finished: true })).toBe(100);
    expect(regradeSummaryText({ up: 2, down: 1, unchanged: 5, changes: [] })).toBe("2 up, 1 down, 5 unchanged");
    expect(confirmRegradeText(1)).toMatch(/^1 submission will be regraded/);
    expect(confirmRegradeText(3)).toMatch(/^3 submissions will be regraded/);
    expect(confirmRegradeText(0)).toMatch(/nothing to regrade/);
  });

  it("compares file sets regardless of key order", () => {
    expect(sameFiles({ a: "1", b: "2" }, { b: "2", a: "1" })).toBe(true);
    expect(sameFiles({ a: "1" }, { a: "1", b: "" })).toBe(false);
  });
});

const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  id: Math.random().toString(36).slice(2),
  kind: "submit",
  exerciseId: "sorting/selection-sort",
  assignmentId: "a1",
  status: "graded",
  verdict: "passed",
  score: 10,
  maxScore: 10,
  latePenaltyPercent: 0,
  finalScore: 10,
  testsPassed: 3,
  testsTotal: 3,
  createdAt: "2025-01-01T10:00:00.000Z",
  gradedAt: "2025-01-01T10:00:01.000Z",
  ...over,
});

describe("the student timeline", () => {
  const entries = [
    entry({ id: "r1", kind: "run", assignmentId: null, score: 4, finalScore: null, verdict: "failed", createdAt: "2025-01-01T10:00:00.000Z" }),
    entry({ id: "s1", score: 6, finalScore: 6, verdict: "failed", createdAt: "2025-01-01T11:00:00.000Z" }),
    entry({ id: "s2", score: 10, finalScore: 8, latePenaltyPercent: 20, createdAt: "2025-01-01T12:00:00.000Z" }),
    entry({ id: "q", exerciseId: "threading/bank", status: "queued", score: null, maxScore: null, finalScore: null, verdict: null, createdAt: "2025-01-01T12:00:00.000Z" }),
  ];

  it("places points by time with the penalised score for submits", () => {
    const pts = timelinePoints(entries);
    expect(pts.map((p) => p.x)).toEqual([0, 0.5, 1, 1]);
    expect(pts.map((p) => p.percent)).toEqual([40, 60, 80, null]);
    expect(timelinePoints([entries[0] as TimelineEntry])[0]?.x).toBe(0.5);
    expect(entryPercent(entry({ kind: "run", score: 3, maxScore: 4, finalScore: null }))).toBe(75);
  });

  it("summarizes runs, submits, best and last per exercise", () => {
    expect(summarizeTimeline(entries)).toEqual([
      { exerciseId: "sorting/selection-sort", runs: 1, submits: 2, best: 80, last: 80, first: "2025-01-01T10:00:00.000Z", lastAt: "2025-01-01T12:00:00.000Z" },
      { exerciseId: "threading/bank", runs: 0, submits: 1, best: null, last: null, first: "2025-01-01T12:00:00.000Z", lastAt: "2025-01-01T12:00:00.000Z" },
    ]);
  });

  it("draws submits and runs, and hides runs on request", () => {
    const assignments = [{ id: "a1", exerciseId: "sorting/selection-sort", title: "Selection sort" }] as unknown as Parameters<typeof TimelineView>[0]["assignments"];
    const { container } = render(<TimelineView entries={entries} assignments={assignments} />);
    expect(container.querySelectorAll("circle.tl-submit:not([r='5'])").length).toBe(0);
    expect(container.querySelectorAll("svg[role=img] circle.tl-submit").length).toBe(3);
    expect(container.querySelectorAll("svg[role=img] circle.tl-run").length).toBe(1);
    const list = screen.getByRole("table", { name: "Oldest first" });
    expect(within(list).getAllByRole("row")).toHaveLength(5);
    fireEvent.click(screen.getByLabelText("Show runs"));
    expect(container.querySelectorAll("svg[role=img] circle.tl-run").length).toBe(0);
    expect(within(list).getAllByRole("row")).toHaveLength(4);
    expect(within(list).getByText(/−20% late/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Exercise"), { target: { value: "threading/bank" } });
    expect(within(list).getAllByRole("row")).toHaveLength(2);
  });
});
