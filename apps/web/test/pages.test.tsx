// @vitest-environment jsdom
// Statement sanitizing, the gradebook table, and the router's paths.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { GradebookView } from "@autograder/shared";
import { renderMarkdown } from "../src/components/Markdown.tsx";
import { filterRows, sortRows, toGradebook } from "../src/gradebook.ts";
import { GradebookTable } from "../src/pages/Gradebook.tsx";
import { exerciseUrl, matchPath } from "../src/router.tsx";

afterEach(cleanup);

describe("markdown statements", () => {
  it("renders markdown and code blocks", () => {
    const html = renderMarkdown("# Title\n\nSome **bold**.\n\n```ts\nconst a = 1;\n```\n");
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code class=\"language-ts\">const a = 1;\n</code>");
    // A scrolling code block is reachable from the keyboard; "<pre" as text stays text.
    expect(html).toContain('<pre tabindex="0">');
    expect(renderMarkdown("`<pre>`")).toContain("&lt;pre&gt;");
  });

  it("removes scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/script|onerror|javascript:|iframe/);
  });
});

const view: GradebookView = {
  course: { id: "c1", title: "Algorithms", gradePolicy: "best" },
  lmsLinked: false,
  assignments: [
    { id: "a1", title: "Selection sort", exerciseId: "sorting/selection-sort", dueAt: null, latePolicy: "none", latePenaltyPercent: 0, inLms: false, points: 100 },
    { id: "a2", title: "Merge sort", exerciseId: "sorting/merge-sort", dueAt: null, latePolicy: "none", latePenaltyPercent: 0, inLms: false, points: 100 },
  ],
  students: [
    { userId: "u1", email: "zoe@example.org", name: "Zoe", total: 150, totalPoints: 150, cells: [cell("a1", 100), cell("a2", 50)] },
    { userId: "u2", email: "adam@example.org", name: "Adam", total: 40, totalPoints: 40, cells: [cell("a1", 40), cell("a2", null)] },
    { userId: "u3", email: "mia@example.org", name: "Mia", total: 175.5, totalPoints: 175.5, cells: [cell("a1", 90), cell("a2", 85.5)] },
  ],
};

function cell(assignmentId: string, score: number | null) {
  return { assignmentId, score, rawScore: score, points: score, extendedDueAt: null, latePenaltyPercent: 0, attempts: score === null ? 0 : 1, submissionId: null, submittedAt: null, lmsSync: null };
}

describe("gradebook", () => {
  const book = toGradebook(view);

  it("sorts and filters rows", () => {
    expect(sortRows(book.rows, "name", 1).map((r) => r.name)).toEqual(["Adam", "Mia", "Zoe"]);
    expect(sortRows(book.rows, "a:a2", -1).map((r) => r.name)).toEqual(["Mia", "Zoe", "Adam"]);
    expect(filterRows(book.rows, "MIA@").map((r) => r.name)).toEqual(["Mia"]);
  });

  it("is a table sortable from its headers, with a filter and a CSV link", () => {
    render(<GradebookTable book={book} csvHref="/api/courses/c1/gradebook?format=csv" />);
    const names = () => screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("rowheader")[0]?.textContent);
    expect(names()).toEqual(["Adam", "Mia", "Zoe"]);
    fireEvent.click(screen.getByRole("button", { name: /Selection sort/ }));
    expect(names()).toEqual(["Zoe", "Mia", "Adam"]);
    expect(screen.getByRole("columnheader", { name: /Selection sort/ }).getAttribute("aria-sort")).toBe("descending");
    fireEvent.click(screen.getByRole("button", { name: /Total/ }));
    expect(names()).toEqual(["Mia", "Zoe", "Adam"]);
    expect(screen.getAllByRole("row")[1]?.textContent).toContain("175.5");
    fireEvent.change(screen.getByLabelText("Filter students"), { target: { value: "ada" } });
    expect(names()).toEqual(["Adam"]);
    expect(screen.getAllByRole("row")[1]?.textContent).toContain("—");
    expect(screen.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe("/api/courses/c1/gradebook?format=csv");
  });
});

describe("router", () => {
  it("keeps an exercise id as one encoded path segment", () => {
    const url = exerciseUrl("sorting/selection-sort", "a b");
    expect(url).toBe("/exercises/sorting%2Fselection-sort?assignment=a%20b");
    expect(matchPath("/exercises/:id", url.split("?")[0] as string)).toEqual({ id: "sorting/selection-sort" });
    expect(matchPath("/courses/:id/gradebook", "/courses/c1")).toBeNull();
  });
});
