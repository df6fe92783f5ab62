// @vitest-environment jsdom
// The results panel on a real grade report (the grader's output for a selection sort whose
// inner loop stops one element early).
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { GradeReport } from "@autograder/shared";
import { ResultsPanel } from "../src/components/ResultsPanel.tsx";
import report from "./fixtures/selection-sort-report.json" with { type: "json" };

const graded = report as GradeReport;

afterEach(cleanup);

describe("ResultsPanel", () => {
  it("explains a waiting run", () => {
    render(<ResultsPanel result={{ kind: "run", status: "queued", report: null, score: null, maxScore: null }} />);
    expect(screen.getByRole("status").textContent).toMatch(/Run: Queued/);
  });

  it("shows the verdict and score, failing tests first, with the diff of a visible failure", () => {
    render(<ResultsPanel result={{ kind: "submit", status: "graded", report: graded, score: graded.score, maxScore: graded.maxScore, verdict: graded.status }} />);
    expect(screen.getByRole("status").textContent).toBe("Submission: Some tests failed · Score 6/32 (19%)");
    const items = screen.getAllByRole("listitem");
    expect(items[0]?.textContent).toMatch(/sorts a small array/);
    const small = items.find((li) => li.textContent?.includes("sorts a small array")) as HTMLElement;
    expect(within(small).getByLabelText(/Difference/).textContent).toBe("- [1, 2, 3]\n+ [1, 3, 2]\n");
    expect(small.textContent).toContain("Input: [3, 1, 2]");
    expect(small.querySelector("details")?.open).toBe(true);
  });

  it("gives hidden failures their hint only, and passed tests a check", () => {
    render(<ResultsPanel result={{ kind: "submit", status: "graded", report: graded, score: 6, maxScore: 32 }} />);
    const hidden = screen.getAllByRole("listitem").find((li) => li.textContent?.includes("minimum at the very end")) as HTMLElement;
    expect(hidden.textContent).toContain("Hint: The inner loop must look at every remaining element, including the last one.");
    expect(hidden.textContent).toContain("hidden");
    expect(hidden.querySelector(".diff")).toBeNull();
    const passed = screen.getAllByRole("listitem").find((li) => li.textContent?.startsWith("✓empty array")) as HTMLElement;
    expect(passed.textContent).toContain("passed");
  });

  it("draws the sorting step view for the visible test that carries one", () => {
    render(<ResultsPanel result={{ kind: "run", status: "graded", report: graded, score: 6, maxScore: 32 }} />);
    const figure = screen.getByRole("figure", { name: "Sorting step view" });
    const caption = figure.querySelector("figcaption") as HTMLElement;
    expect(caption.textContent).toMatch(/^Step 0 of \d+: the array as the test gave it/);
    fireEvent.click(within(figure).getByRole("button", { name: "Step forward" }));
    expect(caption.textContent).toMatch(/^Step 1 of \d+: read a\[1\] = 4/);
  });

  it("shows console output and a compile error's place", () => {
    const broken: GradeReport = { ...graded, status: "compile_error", tests: [], stdout: "hello\n", compileError: { message: "';' expected.", line: 3, column: 7 } };
    render(<ResultsPanel result={{ kind: "run", status: "graded", report: broken, score: 0, maxScore: 32 }} />);
    expect(screen.getByRole("status").textContent).toMatch(/Does not compile/);
    expect(screen.getByRole("alert").textContent).toBe("Compile error at line 3, column 7: ';' expected.");
    expect(screen.getByText("hello")).toBeTruthy();
  });
});
