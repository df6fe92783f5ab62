// Step controls shared by the pictures: play, pause, step back and forward, a slider.
import { useCallback, useEffect, useState } from "react";

export interface PlayerState {
  index: number;
  playing: boolean;
  setIndex(i: number): void;
  toggle(): void;
  step(delta: number): void;
}

/** `index` runs from 0 (nothing done) to `total` (every step done). */
export function usePlayer(total: number, intervalMs = 400, start = 0): PlayerState {
  const [index, setRaw] = useState(Math.min(start, total));
  const [playing, setPlaying] = useState(false);
  const setIndex = useCallback((i: number) => setRaw(Math.max(0, Math.min(total, i))), [total]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setRaw((i) => {
        if (i >= total) {
          setPlaying(false);
          return i;
        }
        return i + 1;
      });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [playing, total, intervalMs]);
  const toggle = useCallback(() => {
    setPlaying((p) => {
      if (!p) setRaw((i) => (i >= total ? 0 : i));
      return !p;
    });
  }, [total]);
  const step = useCallback(
    (delta: number) => {
      setPlaying(false);
      setRaw((i) => Math.max(0, Math.min(total, i + delta)));
    },
    [total],
  );
  return { index, playing, setIndex, toggle, step };
}

export function PlayerControls({ player, total, label }: { player: PlayerState; total: number; label: string }) {
  return (
    <div className="player" role="group" aria-label={`${label} controls`}>
      <button type="button" onClick={() => player.step(-Infinity)} aria-label="Go to the start" disabled={player.index === 0}>
        «
      </button>
      <button type="button" onClick={() => player.step(-1)} aria-label="Step back" disabled={player.index === 0}>
        ◀
      </button>
      <button type="button" onClick={player.toggle} aria-label={player.playing ? "Pause" : "Play"} aria-pressed={player.playing}>
        {player.playing ? "⏸ Pause" : "▶ Play"}
      </button>
      <button type="button" onClick={() => player.step(1)} aria-label="Step forward" disabled={player.index >= total}>
        ▶
      </button>
      <button type="button" onClick={() => player.step(Infinity)} aria-label="Go to the end" disabled={player.index >= total}>
        »
      </button>
      <input
        type="range"
        min={0}
        max={total}
        value={player.index}
        onChange={(e) => player.setIndex(Number(e.target.value))}
        aria-label={`${label} step`}
        aria-valuetext={`step ${player.index} of ${total}`}
      />
      <span className="muted step-count" aria-hidden="true">
        {player.index}/{total}
      </span>
    </div>
  );
}
