// @vitest-environment jsdom
// The custom-input panel's checks in the page (nothing is sent for a bad input), the sentence
// for families without custom input, and where the replayed timeline opens.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExerciseDetail, TestReport } from "@autograder/shared";
import { CustomRunPanel } from "../src/components/CustomRun.tsx";
import { replaySeedOf } from "../src/components/Replay.tsx";
import { failingStep } from "../src/components/ScheduleView.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const exercise = (family: string, exports: string[]): ExerciseDetail => ({
  id: `${family}/x`,
  title: "X",
  family,
  difficulty: "easy",
  tags: [],
  versionId: "v",
  statement: "",
  starter: "",
  exports,
  tests: [],
  declarations: {},
});

describe("CustomRunPanel", () => {
  it("refuses bad JSON in the page with a sentence, and sends nothing", () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    render(<CustomRunPanel exercise={exercise("sorting", ["selectionSort"])} getCode={() => ""} />);
    const args = screen.getByLabelText(/^Arguments/);
    expect(args.getAttribute("maxlength")).toBe("16384");
    fireEvent.change(args, { target: { value: '{"a": 1}' } });
    fireEvent.click(screen.getByRole("button", { name: "Run with this input" }));
    expect(screen.getByRole("alert").textContent).toMatch(/^Write the arguments as a JSON array/);
    expect(args.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(args, { target: { value: "[[1, 2" } });
    fireEvent.click(screen.getByRole("button", { name: "Run with this input" }));
    expect(screen.getByRole("alert").textContent).toMatch(/^The arguments are not valid JSON/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("offers the exercise's exports only", () => {
    render(<CustomRunPanel exercise={exercise("sorting", ["a", "b"])} getCode={() => ""} />);
    expect([...screen.getByLabelText("Function").querySelectorAll("option")].map((o) => o.textContent)).toEqual(["a", "b"]);
  });

  it("says why sockets and threading have no custom input", () => {
    render(<CustomRunPanel exercise={exercise("threading", ["Mutex"])} getCode={() => ""} />);
    expect(screen.getByTestId("custom-run-unsupported").textContent).toMatch(/not available for threading exercises.*Replay this seed/);
    expect(screen.queryByRole("button", { name: "Run with this input" })).toBeNull();
  });
});

describe("replay", () => {
  it("offers a replay for a failed visible test with a schedule seed only", () => {
    const base: TestReport = { name: "t", hidden: false, passed: false, points: 0, maxPoints: 1, message: "", durationMs: 0, details: { seed: "r-5", visualization: { kind: "schedule", data: {} } } };
    expect(replaySeedOf(base)).toBe("r-5");
    expect(replaySeedOf({ ...base, passed: true })).toBeUndefined();
    expect(replaySeedOf({ ...base, hidden: true })).toBeUndefined();
    expect(replaySeedOf({ ...base, details: { seed: 7, visualization: { kind: "network", data: {} } } })).toBeUndefined();
  });

  it("opens the timeline on the failing step, else at the end", () => {
    const step = (op: string) => ({ thread: "T", op, detail: "" });
    expect(failingStep([step("start"), step("raise"), step("exit"), step("join")])).toBe(2);
    expect(failingStep([step("start"), step("get")])).toBe(2);
    expect(failingStep([])).toBe(0);
  });
});
