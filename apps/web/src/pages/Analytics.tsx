// Staff: per-assignment analytics from the API (score distribution, pass rate per test, the
// hidden tests failed most, medians). Charts by Chart.js, loaded with this page only.
import { useEffect, useRef, useState } from "react";
import type { AssignmentAnalyticsView } from "@autograder/shared";
import type { AssignmentInfo } from "../api-types.ts";
import { api, getPath } from "../api.ts";
import { ErrorBox, Spinner } from "../components/common.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { Link } from "../router.tsx";
import { useTheme } from "../theme.ts";

export function BarChart({ labels, values, label, percent }: { labels: string[]; values: number[]; label: string; percent?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [theme] = useTheme();
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let live = true;
    void import("chart.js/auto").then(({ default: Chart }) => {
      if (!live || !canvas.current) return;
      const fg = theme === "dark" ? "#e4e7ec" : "#1d2330";
      const grid = theme === "dark" ? "#343a46" : "#d6dae1";
      chart = new Chart(canvas.current, {
        type: "bar",
        data: { labels, datasets: [{ label, data: values, backgroundColor: theme === "dark" ? "#6ea2ff" : "#1d4ed8" }] },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: percent ? "y" : "x",
          plugins: { legend: { display: false } },
          scales: {
            x: { ticks: { color: fg }, grid: { color: grid }, ...(percent ? { min: 0, max: 100 } : {}) },
            y: { ticks: { color: fg, ...(percent ? {} : { precision: 0 }) }, grid: { color: grid } },
          },
        },
      });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [labels, values, label, percent, theme]);
  return (
    <div className="chart" style={{ height: percent ? `${Math.max(160, labels.length * 26)}px` : "240px" }}>
      <canvas ref={canvas} role="img" aria-label={`${label}: ${labels.map((l, i) => `${l}: ${values[i]}${percent ? "%" : ""}`).join(", ")}`} />
    </div>
  );
}

const minutes = (s: number | null) => (s === null ? "—" : s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);

function AssignmentAnalytics({ courseId, assignment }: { courseId: string; assignment: AssignmentInfo }) {
  const data = useResource(
    () => api.get<AssignmentAnalyticsView>(`/api/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(assignment.id)}/analytics`),
    [courseId, assignment.id],
  );
  if (data.loading) return <Spinner label="Loading analytics" />;
  if (data.error || !data.data) return <ErrorBox error={data.error} title="Could not load analytics" />;
  const a = data.data;
  return (
    <>
      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <dl className="stats">
          <div><dt>Students</dt><dd>{a.students}</dd></div>
          <div><dt>Submitted</dt><dd>{a.studentsSubmitted}</dd></div>
          <div><dt>Solved</dt><dd>{a.studentsSolved}</dd></div>
          <div><dt>Median attempts</dt><dd>{a.medianAttempts ?? "—"}</dd></div>
          <div><dt>Median attempts to solve</dt><dd>{a.medianAttemptsToSolve ?? "—"}</dd></div>
          <div><dt>Median time to solve</dt><dd>{minutes(a.medianSecondsToSolve)}</dd></div>
        </dl>
      </section>
      <section className="card" aria-labelledby="dist-title">
        <h2 id="dist-title">Score distribution</h2>
        <BarChart labels={a.scoreDistribution.map((b) => `${b.from}–${b.to}%`)} values={a.scoreDistribution.map((b) => b.count)} label="Students per score range" />
      </section>
      <section className="card" aria-labelledby="rates-title">
        <h2 id="rates-title">Pass rate per test</h2>
        {a.passRateByTest.length === 0 ? (
          <p className="muted">No graded submissions yet.</p>
        ) : (
          <BarChart labels={a.passRateByTest.map((t) => `${t.name}${t.hidden ? " (hidden)" : ""}`)} values={a.passRateByTest.map((t) => Math.round(t.passRate * (t.passRate <= 1 ? 100 : 1)))} label="Pass rate (%)" percent />
        )}
        {a.hiddenTestsFailedMost.length > 0 ? (
          <>
            <h3 className="small-title">Hidden tests failed most</h3>
            <ul>
              {a.hiddenTestsFailedMost.map((t) => (
                <li key={t.name}>
                  {t.name}: failed {t.failed} of {t.runs} times
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

export function AnalyticsPage({ courseId }: { courseId: string }) {
  useDocumentTitle("Analytics");
  const cid = encodeURIComponent(courseId);
  const data = useResource(async () => {
    const [course, assignments] = await Promise.all([getPath("/api/courses/{id}", { id: courseId }), getPath("/api/courses/{id}/assignments", { id: courseId })]);
    return { course, assignments };
  }, [courseId]);
  const [selected, setSelected] = useState<string>("");
  if (data.loading) return <Spinner label="Loading the course" />;
  if (data.error || !data.data) return <ErrorBox error={data.error} title="Could not load the course" />;
  const { course, assignments } = data.data;
  const assignment = assignments.find((a) => a.id === selected) ?? assignments[0];
  return (
    <div className="page">
      <p>
        <Link to={`/courses/${cid}`}>← {course.title}</Link>
      </p>
      <h1>Analytics</h1>
      {assignment === undefined ? (
        <p className="muted">No assignments yet.</p>
      ) : (
        <>
          <label className="inline">
            Assignment
            <select value={assignment.id} onChange={(e) => setSelected(e.target.value)}>
              {assignments.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
          <AssignmentAnalytics key={assignment.id} courseId={courseId} assignment={assignment} />
        </>
      )}
    </div>
  );
}
