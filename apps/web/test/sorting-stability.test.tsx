// @vitest-environment jsdom
// The sorting picture labels each value with its input position when the trace names it, so
// equal values are told apart and a stable sort shows them in input order.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { SortingVisualizationData } from "@autograder/shared";
import { SortingView } from "../src/components/SortingView.tsx";

afterEach(cleanup);

describe("SortingView positions", () => {
  it("equal values show where they came from, through the writes", () => {
    // [2, 1, 2] -> an unstable sort that swaps the two 2s' order: [1, 2(#2), 2(#0)].
    const data: SortingVisualizationData = {
      initial: [2, 1, 2],
      operations: [
        ["write", 0, 1, 1],
        ["write", 1, 2, 2],
        ["write", 2, 2, 0],
      ],
    };
    const { container } = render(<SortingView data={data} />);
    const origins = () => [...container.querySelectorAll(".bar-origin")].map((e) => e.textContent);
    expect(origins()).toEqual(["#0", "#1", "#2"]);
    fireEvent.click(screen.getByRole("button", { name: "Go to the end" }));
    expect(origins()).toEqual(["#1", "#2", "#0"]);
    expect(container.querySelector(".legend")?.textContent).toContain("its position in the input");
    fireEvent.click(screen.getByRole("button", { name: "Step back" }));
    expect(container.querySelector("figcaption")?.textContent).toContain("wrote 2 (input position 2) into a[1]");
  });

  it("a trace without positions shows no labels", () => {
    const { container } = render(<SortingView data={{ initial: [2, 1], operations: [["write", 0, 1]] }} />);
    expect(container.querySelector(".bar-origin")).toBeNull();
  });
});
