// @vitest-environment jsdom
// The thread timeline: lane names outside the scrolling part, a legend, steps in words on
// hover and focus (arrow keys move), and it opens on the failing step.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ScheduleVisualizationData } from "@autograder/shared";
import { failingStep, ScheduleView } from "../src/components/ScheduleView.tsx";

afterEach(cleanup);

const data: ScheduleVisualizationData = {
  threads: ["MainThread", "t1", "t2"],
  seed: "42",
  steps: [
    { thread: "MainThread", op: "start", detail: "t1" },
    { thread: "t1", op: "acquire", detail: "lock A" },
    { thread: "t2", op: "acquire", detail: "lock B" },
    { thread: "t1", op: "deadlock", detail: "waits for lock B held by t2" },
    { thread: "MainThread", op: "join", detail: "t1" },
  ],
};

const caption = () => screen.getByRole("figure").querySelector("figcaption")?.textContent ?? "";

describe("ScheduleView", () => {
  it("opens on the failing step, not the last one", () => {
    expect(failingStep(data.steps)).toBe(4);
    render(<ScheduleView data={data} />);
    expect(caption()).toBe("Step 4 of 5: t1 deadlock — waits for lock B held by t2");
  });

  it("keeps the lane names out of the part that scrolls sideways", () => {
    const { container } = render(<ScheduleView data={data} />);
    const names = [...container.querySelectorAll(".lane-label")];
    expect(names.map((t) => t.textContent)).toEqual(data.threads);
    for (const n of names) expect(n.closest(".timeline-scroll")).toBeNull();
    expect(container.querySelector(".timeline-scroll rect.step")).not.toBeNull();
  });

  it("has a legend naming every colour used", () => {
    const { container } = render(<ScheduleView data={data} />);
    const legend = container.querySelector(".legend")?.textContent ?? "";
    for (const words of ["acquire, lock or wait", "release, notify, signal or set", "error, raise or deadlock", "get, put, read or write", "other"]) expect(legend).toContain(words);
    const used = new Set([...container.querySelectorAll("rect.step")].map((r) => [...r.classList].find((c) => c.startsWith("op-"))));
    for (const cls of used) expect(container.querySelector(`.legend .swatch.${cls}`)).not.toBeNull();
  });

  it("says a step in words on hover and on focus; arrow keys move between steps", () => {
    render(<ScheduleView data={data} />);
    const step = (name: RegExp) => screen.getByRole("button", { name });
    fireEvent.mouseEnter(step(/^Step 2: t1 acquire lock A$/));
    expect(screen.getByText("Step 2: t1 acquire lock A", { selector: ".step-pointed" })).toBeTruthy();
    const failing = step(/^Step 4: t1 deadlock/);
    expect(failing.getAttribute("tabindex")).toBe("0");
    fireEvent.focus(failing);
    expect(screen.getByText(/^Step 4: t1 deadlock/, { selector: ".step-pointed" })).toBeTruthy();
    fireEvent.keyDown(failing, { key: "ArrowRight" });
    expect(caption()).toBe("Step 5 of 5: MainThread join — t1");
    // Roving tabindex: the current step is the one Tab reaches.
    const last = step(/^Step 5: MainThread join t1$/);
    expect(last.getAttribute("tabindex")).toBe("0");
    expect(failing.getAttribute("tabindex")).toBe("-1");
    fireEvent.keyDown(last, { key: "Home" });
    expect(caption()).toBe("Step 1 of 5: MainThread start — t1");
  });
});
