// The interleaving of a threaded run: one lane per thread, one column per step, stepped
// through, with the seed that replays it.
import { useEffect, useRef, useState } from "react";
import type { ScheduleStep, ScheduleVisualizationData } from "@autograder/shared";
import { PlayerControls, usePlayer } from "./Player.tsx";

const CELL = 22;
const LANE = 30;
const LABEL = 110;

// Errors first: "deadlock" contains "lock".
const opClass = (op: string) =>
  /raise|error|deadlock/.test(op) ? "op-error" : /acquire|lock|wait/.test(op) ? "op-lock" : /release|notify|signal|set/.test(op) ? "op-release" : /get|put|read|write/.test(op) ? "op-data" : "op-other";

/** What each colour means (the legend), in the order opClass tests them. */
const LEGEND: [string, string][] = [
  ["op-error", "error, raise or deadlock"],
  ["op-lock", "acquire, lock or wait"],
  ["op-release", "release, notify, signal or set"],
  ["op-data", "get, put, read or write"],
  ["op-other", "other"],
];

const stepWords = (k: number, s: ScheduleStep) => `Step ${k + 1}: ${s.thread} ${s.op}${s.detail ? ` ${s.detail}` : ""}`;

/** Where the timeline opens: on the step that failed (the last raise, error or deadlock), else at the end. */
export function failingStep(steps: ScheduleVisualizationData["steps"]): number {
  for (let k = steps.length - 1; k >= 0; k--) if (/raise|error|deadlock|timeout/.test(steps[k]?.op ?? "")) return k + 1;
  return steps.length;
}

export function ScheduleView({ data }: { data: ScheduleVisualizationData }) {
  const steps = data.steps;
  const player = usePlayer(steps.length, 450, failingStep(steps));
  const scroller = useRef<HTMLDivElement>(null);
  const [pointed, setPointed] = useState<number | null>(null);
  const laneOf = new Map(data.threads.map((t, i) => [t, i]));
  const width = steps.length * CELL + 10;
  const height = data.threads.length * LANE + 10;
  const current = player.index > 0 ? steps[player.index - 1] : undefined;
  const focusable = Math.max(0, player.index - 1);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const x = player.index * CELL;
    if (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth - 40) el.scrollLeft = Math.max(0, x - el.clientWidth / 2);
  }, [player.index]);
  const moveTo = (k: number) => {
    const next = Math.max(0, Math.min(steps.length - 1, k));
    player.setIndex(next + 1);
    scroller.current?.querySelector<SVGRectElement>(`[data-step="${next}"]`)?.focus();
  };
  const lanes = data.threads.map((t, i) => <rect key={t} x={0} y={i * LANE + 4} width="100%" height={LANE - 4} className={i % 2 ? "lane odd" : "lane"} />);
  const pointedStep = pointed === null ? undefined : steps[pointed];
  return (
    <figure className="viz schedule-view" aria-label="Thread timeline">
      <p>
        Replay seed: <code className="seed">{String(data.seed)}</code>
      </p>
      {/* Lane names in their own column: they stay in view while the steps scroll sideways. */}
      <div className="timeline-wrap">
        <svg className="lane-names" width={LABEL} height={height} aria-hidden="true">
          {lanes}
          {data.threads.map((t, i) => (
            <text key={t} x={6} y={i * LANE + LANE / 2 + 6} className="lane-label">
              {t}
            </text>
          ))}
        </svg>
        <div className="timeline-scroll" ref={scroller}>
          <svg width={width} height={height} role="group" aria-label={`Timeline of ${steps.length} steps across ${data.threads.length} threads; arrow keys move between steps`}>
            {lanes}
            {steps.map((s, k) => {
              const lane = laneOf.get(s.thread) ?? 0;
              const done = k < player.index;
              return (
                <rect
                  key={k}
                  data-step={k}
                  x={k * CELL + 2}
                  y={lane * LANE + 8}
                  width={CELL - 4}
                  height={LANE - 12}
                  rx={3}
                  role="button"
                  tabIndex={k === focusable ? 0 : -1}
                  aria-label={stepWords(k, s)}
                  className={`step ${opClass(s.op)} ${done ? "" : "future"} ${k === player.index - 1 ? "current" : ""}`}
                  onClick={() => player.setIndex(k + 1)}
                  onMouseEnter={() => setPointed(k)}
                  onMouseLeave={() => setPointed(null)}
                  onFocus={() => setPointed(k)}
                  onBlur={() => setPointed(null)}
                  onKeyDown={(e) => {
                    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : e.key === "Home" ? -steps.length : e.key === "End" ? steps.length : 0;
                    if (delta === 0) return;
                    e.preventDefault();
                    moveTo(k + delta);
                  }}
                />
              );
            })}
          </svg>
        </div>
      </div>
      <p className="step-pointed" aria-hidden="true">
        {pointedStep && pointed !== null ? stepWords(pointed, pointedStep) : "Point at or focus a step to read it."}
      </p>
      <p className="legend muted">
        {LEGEND.map(([cls, words]) => (
          <span key={cls} className="legend-item">
            <span className={`swatch ${cls}`} /> {words}
          </span>
        ))}
      </p>
      <PlayerControls player={player} total={steps.length} label="Timeline" />
      <figcaption aria-live="polite">
        {current ? (
          <>
            Step {player.index} of {steps.length}: <strong>{current.thread}</strong> {current.op}
            {current.detail ? ` — ${current.detail}` : ""}
          </>
        ) : (
          `Before the first step (${steps.length} steps).`
        )}
      </figcaption>
      <details>
        <summary>All steps as text</summary>
        <ol className="step-list mono">
          {steps.map((s, k) => (
            <li key={k} className={k === player.index - 1 ? "current" : undefined}>
              {s.thread}: {s.op} {s.detail}
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}
