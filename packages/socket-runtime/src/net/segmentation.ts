/** How the network cuts one send() into TCP segments (config.split), from the seeded generator. */
import { copyBytes, MathMin, SafeArray, safeArrayOf, SafeSet, TypedArrayPrototypeGetLength } from "@autograder/shared/primordials";
import type { NetworkConfig } from "./config.ts";
import type { Rng } from "./rng.ts";

export interface Cut {
  readonly pieces: Uint8Array[];
  /** The first piece joins the segment still travelling from the previous send. */
  readonly joinTail: boolean;
}

function chunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out = new SafeArray<Uint8Array>();
  const length = TypedArrayPrototypeGetLength(bytes);
  for (let i = 0; i < length; i += size) out.push(copyBytes(bytes, i, MathMin(length, i + size)));
  return out;
}

function randomCuts(rng: Rng, bytes: Uint8Array, mss: number): Uint8Array[] {
  const length = TypedArrayPrototypeGetLength(bytes);
  const cuts = new SafeSet<number>();
  const count = rng.below(MathMin(length - 1, 3) + 1);
  while (cuts.size < count) cuts.add(1 + rng.below(length - 1));
  for (let i = mss; i < length; i += mss) cuts.add(i);
  const points = new SafeArray<number>();
  cuts.forEach((p) => points.push(p));
  points.sort((a, b) => a - b);
  const out = new SafeArray<Uint8Array>();
  let start = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as number;
    out.push(copyBytes(bytes, start, p));
    start = p;
  }
  out.push(copyBytes(bytes, start));
  return out;
}

/** `tailLength`: bytes of the previous send's last segment if it is still travelling, else null. */
export function cutSegments(config: NetworkConfig, rng: Rng, bytes: Uint8Array, tailLength: number | null): Cut {
  switch (config.split) {
    case "bytes":
      return { pieces: chunks(bytes, 1), joinTail: false };
    case "merge": {
      const join = tailLength !== null && tailLength + TypedArrayPrototypeGetLength(bytes) <= config.mss;
      return { pieces: join ? safeArrayOf([copyBytes(bytes)]) : chunks(bytes, config.mss), joinTail: join };
    }
    case "random": {
      const pieces = randomCuts(rng, bytes, config.mss);
      const first = pieces[0];
      const join = tailLength !== null && first !== undefined && tailLength + TypedArrayPrototypeGetLength(first) <= config.mss && rng.chance(0.5);
      return { pieces, joinTail: join };
    }
    default:
      return { pieces: chunks(bytes, config.mss), joinTail: false };
  }
}
