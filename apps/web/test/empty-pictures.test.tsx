// @vitest-environment jsdom
// A picture is never an empty box: a network run with nothing on the wire says so, and a
// failed hidden test says why it has no picture.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { GradeReport } from "@autograder/shared";
import { NetworkView } from "../src/components/NetworkView.tsx";
import { HIDDEN_PICTURE, ReportView } from "../src/components/ResultsPanel.tsx";

afterEach(cleanup);

describe("pictures without anything to draw", () => {
  it("a network run with no segment says nothing was sent, and keeps its notes", () => {
    const { container } = render(<NetworkView data={{ hosts: [{ ip: "10.0.0.1", name: "server" }], events: [], notes: [{ t: 5, text: "the decoder was fed 2 chunks" }] }} />);
    expect(container.querySelector("svg")).toBeNull();
    expect(screen.getByText(/Nothing was sent on the network in this test \(hosts: server\); what happened is listed below\./)).toBeTruthy();
    expect(screen.getByText("5 ms: the decoder was fed 2 chunks")).toBeTruthy();
  });

  it("a failed hidden test says why it shows no picture", () => {
    const report: GradeReport = {
      exerciseId: "sockets/x",
      status: "failed",
      score: 0,
      maxScore: 1,
      durationMs: 10,
      stdout: "",
      tests: [{ name: "a hidden server test", hidden: true, passed: false, points: 0, maxPoints: 1, durationMs: 0, message: "Think about partial reads." }],
    };
    render(<ReportView report={report} />);
    expect(screen.getByText(HIDDEN_PICTURE)).toBeTruthy();
  });
});
