// Staff: one student's story in a course. Every run and submit over time with its score (a
// chart: submits filled, runs hollow), a summary per exercise, and the full list.
import { useMemo, useState } from "react";
import type { RosterItem } from "@autograder/shared";
import type { AssignmentInfo } from "../api-types.ts";
import { api, getPath } from "../api.ts";
import { Card, ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { VERDICT_TEXT } from "../components/ResultsPanel.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { Link } from "../router.tsx";
import { entryPercent, summarizeTimeline, timelinePoints, type TimelineEntry } from "../timeline.ts";

async function loadTimeline(courseId: string, userId: string) {
  const base = `/api/courses/${encodeURIComponent(courseId)}`;
  const [entries, assignments, roster] = await Promise.all([
    api.get<TimelineEntry[]>(`${base}/students/${encodeURIComponent(userId)}/timeline`),
    getPath("/api/courses/{id}/assignments", { id: courseId }).catch(() => [] as AssignmentInfo[]),
    api.get<RosterItem[]>(`${base}/enrollments`).catch(() => [] as RosterItem[]),
  ]);
  return { entries, assignments, student: roster.find((r) => r.userId === userId) ?? null };
}

export function TimelinePage({ courseId, userId }: { courseId: string; userId: string }) {
  const data = useResource(() => loadTimeline(courseId, userId), [courseId, userId]);
  const name = data.data?.student?.name ?? "Student";
  useDocumentTitle(`${name}: timeline`);
  const cid = encodeURIComponent(courseId);
  return (
    <div className="page">
      <p>
        <Link to={`/courses/${cid}/gradebook`}>← Gradebook</Link>
      </p>
      <h1>Timeline of {name}</h1>
      {data.data?.student ? <p className="muted">{data.data.student.email}</p> : null}
      {data.loading ? <Spinner label="Loading the timeline" /> : null}
      {data.error ? <ErrorBox error={data.error} title="Could not load the timeline" /> : null}
      {data.data ? <TimelineView entries={data.data.entries} assignments={data.data.assignments} /> : null}
    </div>
  );
}

const W = 720;
const H = 220;
const PAD = { left: 40, right: 16, top: 12, bottom: 28 };

export function TimelineView({ entries, assignments }: { entries: TimelineEntry[]; assignments: AssignmentInfo[] }) {
  const exerciseIds = useMemo(() => [...new Set(entries.map((e) => e.exerciseId))].sort(), [entries]);
  const [exercise, setExercise] = useState<string>("");
  const [showRuns, setShowRuns] = useState(true);
  const titles = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of assignments) m.set(a.exerciseId, a.title);
    return m;
  }, [assignments]);
  const shown = entries.filter((e) => (exercise === "" || e.exerciseId === exercise) && (showRuns || e.kind === "submit"));
  const points = timelinePoints(shown);
  const summary = summarizeTimeline(entries);
  if (entries.length === 0) return <p className="muted">No runs or submissions in this course yet.</p>;
  const x = (f: number) => PAD.left + f * (W - PAD.left - PAD.right);
  const y = (pct: number) => PAD.top + (1 - pct / 100) * (H - PAD.top - PAD.bottom);
  const colour = (id: string) => `series-${exerciseIds.indexOf(id) % 6}`;
  const first = shown[0]?.createdAt;
  const last = shown[shown.length - 1]?.createdAt;
  const submits = points.filter((p) => p.entry.kind === "submit" && p.percent !== null);

  return (
    <>
      <Card title="Per exercise" id="timeline-summary">
        <div className="table-scroll">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Runs</th>
                <th scope="col">Submits</th>
                <th scope="col">Best</th>
                <th scope="col">Last</th>
                <th scope="col">First activity</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {summary.map((s) => (
                <tr key={s.exerciseId}>
                  <th scope="row">
                    <span className={`series-swatch ${colour(s.exerciseId)}`} aria-hidden="true" />
                    {titles.get(s.exerciseId) ?? s.exerciseId}
                  </th>
                  <td className="num">{s.runs}</td>
                  <td className="num">{s.submits}</td>
                  <td className="num">{s.best === null ? "—" : `${s.best}%`}</td>
                  <td className="num">{s.last === null ? "—" : `${s.last}%`}</td>
                  <td>{formatDate(s.first)}</td>
                  <td>{formatDate(s.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Scores over time" id="timeline-chart">
        <div className="toolbar">
          <label className="inline">
            Exercise
            <select value={exercise} onChange={(e) => setExercise(e.target.value)}>
              <option value="">All exercises</option>
              {exerciseIds.map((id) => (
                <option key={id} value={id}>
                  {titles.get(id) ?? id}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={showRuns} onChange={(e) => setShowRuns(e.target.checked)} /> Show runs
          </label>
          <span className="muted small legend-line">
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" className="tl-submit series-0" />
            </svg>{" "}
            submit{" "}
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="4" className="tl-run series-0" />
            </svg>{" "}
            run (visible tests only)
          </span>
        </div>
        <div className="timeline-chart">
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Scores of ${shown.length} runs and submits from ${formatDate(first)} to ${formatDate(last)}; the table below lists them.`}>
            {[0, 50, 100].map((p) => (
              <g key={p}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(p)} y2={y(p)} className="grid-line" />
                <text x={PAD.left - 6} y={y(p) + 4} textAnchor="end" className="axis-label">
                  {p}%
                </text>
              </g>
            ))}
            <text x={PAD.left} y={H - 8} className="axis-label">
              {formatDate(first)}
            </text>
            <text x={W - PAD.right} y={H - 8} textAnchor="end" className="axis-label">
              {formatDate(last)}
            </text>
            {exerciseIds.map((id) => {
              const line = submits.filter((p) => p.entry.exerciseId === id);
              if (line.length < 2) return null;
              return <polyline key={id} points={line.map((p) => `${x(p.x)},${y(p.percent as number)}`).join(" ")} className={`tl-line ${colour(id)}`} />;
            })}
            {points.map((p) => {
              const pct = p.percent;
              const cy = pct === null ? H - PAD.bottom : y(pct);
              const label = `${p.entry.kind === "submit" ? "Submit" : "Run"} of ${titles.get(p.entry.exerciseId) ?? p.entry.exerciseId}, ${formatDate(p.entry.createdAt)}: ${pct === null ? p.entry.status : `${pct}%`}`;
              return (
                <circle key={p.entry.id} cx={x(p.x)} cy={cy} r={p.entry.kind === "submit" ? 5 : 3.5} className={`${p.entry.kind === "submit" ? "tl-submit" : "tl-run"} ${colour(p.entry.exerciseId)}`}>
                  <title>{label}</title>
                </circle>
              );
            })}
          </svg>
        </div>
      </Card>
      <Card title="Every run and submit" id="timeline-list">
        <div className="table-scroll">
          <table className="table compact">
            <caption className="sr-only">Oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Exercise</th>
                <th scope="col">Kind</th>
                <th scope="col">Result</th>
                <th scope="col">Tests</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const pct = entryPercent(e);
                return (
                  <tr key={e.id} className={e.kind === "submit" ? "submit-row" : "run-row"}>
                    <td>{formatDate(e.createdAt)}</td>
                    <td>{titles.get(e.exerciseId) ?? e.exerciseId}</td>
                    <td>{e.kind === "submit" ? "Submit" : "Run"}</td>
                    <td>{e.status === "graded" ? (VERDICT_TEXT[e.verdict ?? ""] ?? e.verdict) : e.status}</td>
                    <td className="num">{e.testsTotal ? `${e.testsPassed}/${e.testsTotal}` : "—"}</td>
                    <td className="num">
                      {pct === null ? "—" : `${pct}%`}
                      {e.kind === "submit" && e.latePenaltyPercent > 0 ? <span className="muted small"> (−{e.latePenaltyPercent}% late)</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
