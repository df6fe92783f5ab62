/** How the network cuts one send() into TCP segments (config.split), from the seeded generator. */
import type { NetworkConfig } from "./config.ts";
import type { Rng } from "./rng.ts";

export interface Cut {
  readonly pieces: Uint8Array[];
  /** The first piece joins the segment still travelling from the previous send. */
  readonly joinTail: boolean;
}

function chunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

function randomCuts(rng: Rng, bytes: Uint8Array, mss: number): Uint8Array[] {
  const cuts = new Set<number>();
  const count = rng.below(Math.min(bytes.length - 1, 3) + 1);
  while (cuts.size < count) cuts.add(1 + rng.below(bytes.length - 1));
  for (let i = mss; i < bytes.length; i += mss) cuts.add(i);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    out.push(bytes.slice(start, p));
    start = p;
  }
  out.push(bytes.slice(start));
  return out;
}

/** `tailLength`: bytes of the previous send's last segment if it is still travelling, else null. */
export function cutSegments(config: NetworkConfig, rng: Rng, bytes: Uint8Array, tailLength: number | null): Cut {
  switch (config.split) {
    case "bytes":
      return { pieces: chunks(bytes, 1), joinTail: false };
    case "merge": {
      const join = tailLength !== null && tailLength + bytes.length <= config.mss;
      return { pieces: join ? [bytes.slice()] : chunks(bytes, config.mss), joinTail: join };
    }
    case "random": {
      const pieces = randomCuts(rng, bytes, config.mss);
      const first = pieces[0];
      const join = tailLength !== null && first !== undefined && tailLength + first.length <= config.mss && rng.chance(0.5);
      return { pieces, joinTail: join };
    }
    default:
      return { pieces: chunks(bytes, config.mss), joinTail: false };
  }
}
