// @vitest-environment jsdom
// The three pictures, on data produced by the real runtimes (fixtures from the grade CLI).
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NetworkVisualizationData, ScheduleVisualizationData, SortingVisualizationData } from "@autograder/shared";
import { NetworkView } from "../src/components/NetworkView.tsx";
import { ScheduleView } from "../src/components/ScheduleView.tsx";
import { SortingView } from "../src/components/SortingView.tsx";
import schedule from "./fixtures/schedule-visualization.json" with { type: "json" };
import network from "./fixtures/network-visualization.json" with { type: "json" };

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("SortingView", () => {
  const data: SortingVisualizationData = { initial: [3, 1, 2], operations: [["read", 1], ["read", 0], ["write", 0, 1], ["write", 1, 3]] };

  it("steps through reads and writes, and back", () => {
    render(<SortingView data={data} />);
    const caption = () => screen.getByRole("figure").querySelector("figcaption")?.textContent ?? "";
    const forward = screen.getByRole("button", { name: "Step forward" });
    fireEvent.click(forward);
    expect(caption()).toMatch(/^Step 1 of 4: read a\[1\] = 1\. Reads so far: 1, writes: 0\./);
    fireEvent.click(forward);
    fireEvent.click(forward);
    expect(caption()).toMatch(/^Step 3 of 4: wrote 1 into a\[0\]/);
    expect(caption()).toContain("[1, 1, 2]");
    fireEvent.click(screen.getByRole("button", { name: "Step back" }));
    expect(caption()).toMatch(/^Step 2 of 4/);
    fireEvent.click(screen.getByRole("button", { name: "Go to the end" }));
    expect(caption()).toContain("[1, 3, 2]");
    expect((screen.getByRole("button", { name: "Step forward" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("plays and pauses", () => {
    vi.useFakeTimers();
    render(<SortingView data={data} />);
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    act(() => vi.advanceTimersByTime(750));
    const caption = screen.getByRole("figure").querySelector("figcaption")?.textContent ?? "";
    expect(caption).toMatch(/^Step 2 of 4/);
    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByRole("figure").querySelector("figcaption")?.textContent).toMatch(/^Step 2 of 4/);
    expect(screen.getByRole("slider", { name: "Sorting step" }).getAttribute("aria-valuetext")).toBe("step 2 of 4");
  });
});

describe("ScheduleView", () => {
  const data = schedule.visualization.data as ScheduleVisualizationData;

  it("draws one lane per thread, shows the seed, and steps through the interleaving", () => {
    const { container } = render(<ScheduleView data={data} />);
    expect(data.threads).toEqual(["MainThread", "writer1", "reader"]);
    expect([...container.querySelectorAll(".lane-label")].map((t) => t.textContent)).toEqual(data.threads);
    expect(screen.getByText(String(data.seed)).className).toContain("seed");
    const caption = () => screen.getByRole("figure").querySelector("figcaption")?.textContent ?? "";
    expect(caption()).toMatch(new RegExp(`^Step ${data.steps.length} of ${data.steps.length}: MainThread raise`));
    fireEvent.click(screen.getByRole("button", { name: "Go to the start" }));
    fireEvent.click(screen.getByRole("button", { name: "Step forward" }));
    expect(caption()).toBe(`Step 1 of ${data.steps.length}: MainThread start`);
    expect(container.querySelectorAll("rect.step").length).toBe(data.steps.length);
  });
});

describe("NetworkView", () => {
  const data = network.visualization.data as NetworkVisualizationData;

  it("draws the hosts and each segment, and shows a segment's bytes", () => {
    const { container } = render(<NetworkView data={data} />);
    expect([...container.querySelectorAll(".host-name")].map((t) => t.textContent)).toEqual(["server", "alice", "bob"]);
    expect(container.querySelectorAll("g.msg").length).toBe(data.events.length);
    expect(container.textContent).toContain("TCP SYN");
    const table = screen.getByRole("table");
    const button = within(table).getAllByRole("button")[0] as HTMLElement;
    fireEvent.click(button);
    const dump = container.querySelector(".bytes pre")?.textContent ?? "";
    expect(dump).toMatch(/^0000 {2}61 6c 69 63 65 20 31 +alice 1$/);
  });
});
