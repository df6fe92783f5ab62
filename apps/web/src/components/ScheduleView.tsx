// The interleaving of a threaded run: one lane per thread, one column per step, stepped
// through, with the seed that replays it.
import { useEffect, useRef } from "react";
import type { ScheduleVisualizationData } from "@autograder/shared";
import { PlayerControls, usePlayer } from "./Player.tsx";

const CELL = 22;
const LANE = 30;
const LABEL = 110;

const opClass = (op: string) =>
  /acquire|lock|wait/.test(op) ? "op-lock" : /release|notify|signal|set/.test(op) ? "op-release" : /raise|error|deadlock/.test(op) ? "op-error" : /get|put|read|write/.test(op) ? "op-data" : "op-other";

/** Where the timeline opens: on the step that failed (the last raise, error or deadlock), else at the end. */
export function failingStep(steps: ScheduleVisualizationData["steps"]): number {
  for (let k = steps.length - 1; k >= 0; k--) if (/raise|error|deadlock|timeout/.test(steps[k]?.op ?? "")) return k + 1;
  return steps.length;
}

export function ScheduleView({ data }: { data: ScheduleVisualizationData }) {
  const steps = data.steps;
  const player = usePlayer(steps.length, 450, failingStep(steps));
  const scroller = useRef<HTMLDivElement>(null);
  const laneOf = new Map(data.threads.map((t, i) => [t, i]));
  const width = LABEL + steps.length * CELL + 10;
  const height = data.threads.length * LANE + 10;
  const current = player.index > 0 ? steps[player.index - 1] : undefined;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const x = LABEL + player.index * CELL;
    if (x < el.scrollLeft + LABEL || x > el.scrollLeft + el.clientWidth - 40) el.scrollLeft = Math.max(0, x - el.clientWidth / 2);
  }, [player.index]);
  return (
    <figure className="viz schedule-view" aria-label="Thread timeline">
      <p>
        Replay seed: <code className="seed">{String(data.seed)}</code>
      </p>
      <div className="timeline-scroll" ref={scroller} tabIndex={0} aria-label="Timeline, scrollable">
        <svg width={width} height={height} role="img" aria-label={`Timeline of ${steps.length} steps across ${data.threads.length} threads`}>
          {data.threads.map((t, i) => (
            <g key={t}>
              <rect x={0} y={i * LANE + 4} width={width} height={LANE - 4} className={i % 2 ? "lane odd" : "lane"} />
              <text x={6} y={i * LANE + LANE / 2 + 6} className="lane-label">
                {t}
              </text>
            </g>
          ))}
          {steps.map((s, k) => {
            const lane = laneOf.get(s.thread) ?? 0;
            const done = k < player.index;
            return (
              <rect
                key={k}
                x={LABEL + k * CELL + 2}
                y={lane * LANE + 8}
                width={CELL - 4}
                height={LANE - 12}
                rx={3}
                className={`step ${opClass(s.op)} ${done ? "" : "future"} ${k === player.index - 1 ? "current" : ""}`}
                onClick={() => player.setIndex(k + 1)}
              >
                <title>{`${k + 1}. ${s.thread}: ${s.op} ${s.detail}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
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
