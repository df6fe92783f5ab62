// A graded run or submission: verdict and score, every test (diff for visible failures, the
// hint for hidden ones), the pictures, and the console output.
import type { GradeReport, NetworkVisualizationData, ScheduleVisualizationData, SortingVisualizationData, SubmissionStatus, TestReport } from "@autograder/shared";
import { NetworkView } from "./NetworkView.tsx";
import { ScheduleView } from "./ScheduleView.tsx";
import { SortingView } from "./SortingView.tsx";
import { latePenaltyText, type LateRules } from "../late.ts";
import { ReplayButton } from "./Replay.tsx";

export const VERDICT_TEXT: Record<string, string> = {
  passed: "All tests passed",
  failed: "Some tests failed",
  compile_error: "Does not compile",
  runtime_error: "Runtime error",
  timeout: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  output_limit: "Too much output",
  rejected: "Rejected",
  deadlock: "Deadlock",
  error: "Grader error",
};

const STATUS_TEXT: Record<SubmissionStatus, string> = {
  queued: "Queued: waiting for a grader…",
  running: "Running your code…",
  graded: "Graded",
  error: "The grader could not grade this; try again.",
};

// Shapes of the pictures' data (see @autograder/shared visualization.ts); checked here so the
// bundle takes no runtime code from the shared package.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isSortingData = (v: unknown): v is SortingVisualizationData => isObject(v) && Array.isArray(v.initial) && Array.isArray(v.operations);
const isScheduleData = (v: unknown): v is ScheduleVisualizationData => isObject(v) && Array.isArray(v.threads) && Array.isArray(v.steps);
const isNetworkData = (v: unknown): v is NetworkVisualizationData => isObject(v) && Array.isArray(v.hosts) && Array.isArray(v.events);

const asText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v, null, 2));

/** Why a failed hidden test has no picture (each picture draws the test's input). */
export const HIDDEN_PICTURE = "No picture for a hidden test: it would show the hidden input. The visible tests' pictures show the same kind of run.";

export function DiffText({ diff }: { diff: string }) {
  return (
    <pre tabIndex={0} className="diff mono" aria-label="Difference: lines starting with minus are expected, plus are what your code produced">
      {diff.split("\n").map((line, i) => (
        <span key={i} className={line.startsWith("-") ? "del" : line.startsWith("+") ? "add" : undefined}>
          {line}
          {"\n"}
        </span>
      ))}
    </pre>
  );
}

export function Visualization({ test }: { test: TestReport }) {
  const viz = test.details?.visualization;
  if (!viz) return null;
  if (viz.kind === "sorting" && isSortingData(viz.data)) return <SortingView data={viz.data} expected={test.details?.expected} />;
  if (viz.kind === "schedule" && isScheduleData(viz.data)) return <ScheduleView data={viz.data} />;
  if (viz.kind === "network" && isNetworkData(viz.data)) return <NetworkView data={viz.data} />;
  return null;
}

/** `showHidden`: staff reviewing a student's work see hidden tests like visible ones (the API sends their details only to staff). */
function TestItem({ test, showHidden = false }: { test: TestReport; showHidden?: boolean }) {
  const d = test.details;
  const secret = test.hidden && !showHidden;
  const failed = !test.passed;
  const hasViz = d?.visualization !== undefined;
  return (
    <li className={`test ${test.passed ? "pass" : "fail"}`}>
      <details open={failed && !secret}>
        <summary>
          <span className="test-icon" aria-hidden="true">
            {test.passed ? "✓" : "✗"}
          </span>
          <span className="test-name">{test.name}</span>
          <span className="sr-only">{test.passed ? "passed" : "failed"}</span>
          {test.hidden ? <span className="tag">hidden</span> : null}
          {test.verdict && test.verdict !== "failed" ? <span className="tag warn">{VERDICT_TEXT[test.verdict] ?? test.verdict}</span> : null}
          <span className="points">
            {test.points}/{test.maxPoints}
          </span>
        </summary>
        <div className="test-body">
          {failed && test.hidden ? (
            <p className="hint">
              <strong>Hint:</strong> {test.message || "This hidden test failed."}
            </p>
          ) : null}
          {failed && test.hidden ? <p className="muted small">{HIDDEN_PICTURE}</p> : null}
          {failed && !test.hidden && test.message ? <p className="test-message">{test.message}</p> : null}
          {!secret && d?.input !== undefined ? (
            <p>
              Input: <code className="mono">{asText(d.input)}</code>
            </p>
          ) : null}
          {failed && d?.diff ? <DiffText diff={d.diff} /> : null}
          {failed && !d?.diff && d?.expected !== undefined ? (
            <dl className="expect">
              <dt>Expected</dt>
              <dd className="mono">{asText(d.expected)}</dd>
              <dt>Received</dt>
              <dd className="mono">{asText(d.actual)}</dd>
            </dl>
          ) : null}
          {d?.seed !== undefined && !hasViz ? (
            <p>
              Replay seed: <code>{String(d.seed)}</code>
            </p>
          ) : null}
          {!secret && hasViz ? <Visualization test={test} /> : null}
          {failed && !test.hidden ? <ReplayButton test={test} /> : null}
          {test.passed && !secret && !hasViz && !d?.input ? <p className="muted">Passed in {test.durationMs} ms.</p> : null}
        </div>
      </details>
    </li>
  );
}

/** The grader's messages may start in lower case ("the grading's time limit ... was reached."). */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function ReportView({ report, showHidden = false }: { report: GradeReport; showHidden?: boolean }) {
  const failedFirst = [...report.tests].sort((a, b) => Number(a.passed) - Number(b.passed) || Number(a.hidden) - Number(b.hidden));
  const passed = report.tests.filter((t) => t.passed).length;
  return (
    <div className="report">
      {report.compileError ? (
        <div className="error-box" role="alert">
          <strong>
            Compile error at line {report.compileError.line}, column {report.compileError.column}:
          </strong>{" "}
          <span className="mono">{report.compileError.message}</span>
        </div>
      ) : null}
      {report.message && !report.compileError ? (
        <div className={report.status === "passed" ? "info-box" : "error-box"} role="alert">
          {sentence(report.message)}
        </div>
      ) : null}
      {report.tests.length > 0 ? (
        <>
          <h3>
            Tests: {passed} of {report.tests.length} passed
          </h3>
          <ul className="tests">
            {failedFirst.map((t) => (
              <TestItem key={t.name} test={t} showHidden={showHidden} />
            ))}
          </ul>
        </>
      ) : null}
      <h3>Console output</h3>
      {report.stdout ? <pre tabIndex={0} className="console mono">{report.stdout}</pre> : <p className="muted">Your code printed nothing.</p>}
    </div>
  );
}

export interface LiveResult {
  kind: "run" | "submit";
  status: SubmissionStatus;
  report: GradeReport | null;
  score: number | null;
  maxScore: number | null;
  finalScore?: number | null;
  verdict?: string | null;
  error?: string;
  latePenaltyPercent?: number;
  submittedAt?: string;
  /** A replay of one test on one schedule seed (components/Replay.tsx). */
  replayOf?: { test: string; seed: string };
}

export function ResultsPanel({ result, lateRules = null, showHidden = false }: { result: LiveResult | null; lateRules?: LateRules | null; showHidden?: boolean }) {
  if (result === null) {
    return <p className="muted">Run your code against the visible tests, or submit it for a grade. Results appear here.</p>;
  }
  const { status, report } = result;
  const pending = status === "queued" || status === "running";
  const score = result.finalScore ?? result.score ?? report?.score ?? null;
  const max = result.maxScore ?? report?.maxScore ?? null;
  const verdict = result.verdict ?? report?.status ?? null;
  const pct = score !== null && max ? Math.round((score / max) * 100) : null;
  const late = latePenaltyText(result.latePenaltyPercent ?? 0, result.submittedAt ?? null, lateRules);
  return (
    <div className="results">
      <div className={`status-line ${verdict === "passed" ? "ok" : pending ? "" : "bad"}`} role="status" aria-live="polite" aria-atomic="true">
        {pending ? <span className="spinner" aria-hidden="true" /> : null}
        <strong>{result.replayOf ? `Replay of seed ${result.replayOf.seed} (${result.replayOf.test})` : result.kind === "submit" ? "Submission" : "Run"}:</strong>{" "}
        {status === "graded" ? (verdict ? (VERDICT_TEXT[verdict] ?? verdict) : "Graded") : STATUS_TEXT[status]}
        {status === "graded" && pct !== null ? (
          <span className="score" data-testid="score">
            {" "}
            · Score {score}/{max} ({pct}%)
          </span>
        ) : null}
        {status === "graded" && late ? (
          <span className="late-note" data-testid="late-penalty">
            {" "}
            · {late}
          </span>
        ) : null}
      </div>
      {result.error ? (
        <div className="error-box" role="alert">
          {result.error}
        </div>
      ) : null}
      {report ? <ReportView report={report} showHidden={showHidden} /> : null}
    </div>
  );
}
