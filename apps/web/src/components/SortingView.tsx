// Step view of what the student's sort did to a visible test's array: every read and write,
// with play, pause and step.
import { useMemo } from "react";
import type { SortingVisualizationData } from "@autograder/shared";
import { PlayerControls, usePlayer } from "./Player.tsx";

const show = (v: unknown) => (typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? String(v) : JSON.stringify(v));

export function SortingView({ data, expected }: { data: SortingVisualizationData; expected?: unknown }) {
  const ops = data.operations;
  const player = usePlayer(ops.length, 350);
  // Boxed tracking names where each written value came from: equal values then keep their
  // input position as a label, so a stable sort (equal values in input order) is visible.
  const positions = useMemo(() => ops.some((op) => op.length === 4), [ops]);
  const state = useMemo(() => {
    const arr = [...data.initial];
    const from: (number | null)[] = data.initial.map((_, i) => i);
    let reads = 0;
    let writes = 0;
    for (let k = 0; k < player.index; k++) {
      const op = ops[k];
      if (!op) break;
      if (op[0] === "read") reads++;
      else {
        writes++;
        arr[op[1]] = op[2];
        from[op[1]] = op.length === 4 ? op[3] : null;
      }
    }
    return { arr, from, reads, writes };
  }, [data.initial, ops, player.index]);
  const current = player.index > 0 ? ops[player.index - 1] : undefined;
  const numbers = state.arr.map((v) => (typeof v === "number" ? v : Number.NaN));
  const finite = numbers.filter(Number.isFinite);
  const max = Math.max(1, ...finite.map(Math.abs));
  const hasNegative = finite.some((n) => n < 0);
  const describe = current
    ? current[0] === "read"
      ? `read a[${current[1]}] = ${show(state.arr[current[1]])}`
      : `wrote ${show(current[2])}${current.length === 4 ? ` (input position ${current[3]})` : ""} into a[${current[1]}]`
    : "the array as the test gave it";
  return (
    <figure className="viz sorting-view" aria-label="Sorting step view">
      <div className="bars" aria-hidden="true">
        {state.arr.map((v, i) => {
          const n = numbers[i] ?? 0;
          const h = Number.isFinite(n) ? (Math.abs(n) / max) * (hasNegative ? 50 : 100) : 0;
          const active = current !== undefined && current[1] === i;
          const cls = active ? (current[0] === "read" ? "bar read" : "bar write") : "bar";
          return (
            <div key={i} className="bar-slot">
              <div className={cls} style={{ height: `${Math.max(h, 2)}%`, marginBottom: hasNegative && n >= 0 ? "50%" : undefined }} title={`a[${i}] = ${show(v)}`} />
              <span className="bar-label">{show(v)}</span>
              {positions ? <span className="bar-origin">{state.from[i] === null ? "?" : `#${state.from[i]}`}</span> : null}
            </div>
          );
        })}
      </div>
      <PlayerControls player={player} total={ops.length} label="Sorting" />
      <figcaption aria-live="polite">
        Step {player.index} of {ops.length}: {describe}. Reads so far: {state.reads}, writes: {state.writes}.
        <br />
        <span className="mono">[{state.arr.map(show).join(", ")}]</span>
        {player.index === ops.length && expected !== undefined ? (
          <>
            <br />
            Expected: <span className="mono">{show(expected)}</span>
          </>
        ) : null}
      </figcaption>
      <p className="legend muted">
        <span className="swatch read" /> read (comparison) <span className="swatch write" /> write (swap or move)
        {positions ? " · #k under a value: its position in the input (equal values keep their input order in a stable sort)" : null}
      </p>
    </figure>
  );
}
