/** The wire record: every segment and datagram, at the time it arrives (or is lost). */
import { copyBytes, MathFloor, MathMax, MathMin, MathRound, SafeArray, StringFromCharCode, TypedArrayPrototypeGetLength } from "@autograder/shared/primordials";

export type Proto = "tcp" | "udp";

export interface WireEvent {
  /** Simulated ms. */
  readonly t: number;
  readonly from: string;
  readonly to: string;
  readonly proto: Proto;
  /** "" for data, or SYN, SYN-ACK, FIN, RST. */
  readonly flags: string;
  readonly length: number;
  /** The first bytes in hex (at most SHOWN_BYTES). */
  readonly hex: string;
  /** The same bytes as Python shows them: printable ASCII, \r \n \t, else \xNN. */
  readonly text: string;
  readonly note: string;
}

const SHOWN_BYTES = 256;
const KEPT_EVENTS = 20_000;

const HEX = "0123456789abcdef";

export function toHex(bytes: Uint8Array, max = SHOWN_BYTES): string {
  let out = "";
  const n = MathMin(TypedArrayPrototypeGetLength(bytes), max);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    out += `${HEX[b >> 4] as string}${HEX[b & 15] as string}`;
  }
  return out;
}

export function printable(bytes: Uint8Array, max = SHOWN_BYTES): string {
  let out = "";
  const length = TypedArrayPrototypeGetLength(bytes);
  for (let i = 0; i < MathMin(length, max); i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x5c) out += "\\\\";
    else if (b >= 0x20 && b < 0x7f) out += StringFromCharCode(b);
    else out += `\\x${HEX[b >> 4] as string}${HEX[b & 15] as string}`;
  }
  return length > max ? `${out}...` : out;
}

type Recorded = Omit<WireEvent, "hex" | "text" | "length"> & { readonly length: number; readonly head: Uint8Array };

function format(e: Recorded): WireEvent {
  const head = e.head;
  return {
    t: e.t,
    from: e.from,
    to: e.to,
    proto: e.proto,
    flags: e.flags,
    note: e.note,
    length: e.length,
    hex: toHex(head),
    text: e.length > TypedArrayPrototypeGetLength(head) ? `${printable(head)}...` : printable(head),
  };
}

export class Trace {
  private readonly kept: Recorded[] = new SafeArray<Recorded>();
  segments = 0;
  datagrams = 0;
  bytes = 0;
  dropped = 0;

  record(event: Omit<WireEvent, "hex" | "text" | "length">, data: Uint8Array): void {
    if (event.proto === "tcp") this.segments++;
    else this.datagrams++;
    const length = TypedArrayPrototypeGetLength(data);
    this.bytes += length;
    if (this.kept.length >= KEPT_EVENTS) {
      this.dropped++;
      return;
    }
    this.kept.push({ t: MathRound(event.t * 1000) / 1000, from: event.from, to: event.to, proto: event.proto, flags: event.flags, note: event.note, length, head: copyBytes(data, 0, MathMin(length, SHOWN_BYTES)) });
  }

  /** Every kept event, formatted. */
  get events(): WireEvent[] {
    return this.kept.map(format);
  }

  /** At most `limit` events: the first and the last halves, with a marker between. */
  shown(limit: number): WireEvent[] {
    if (this.kept.length <= limit && this.dropped === 0) return this.kept.map(format);
    const half = MathFloor(limit / 2);
    const head = this.kept.slice(0, half).map(format);
    const tail = this.kept.slice(MathMax(half, this.kept.length - half)).map(format);
    const omitted = this.kept.length - head.length - tail.length + this.dropped;
    const gap: WireEvent = { t: tail[0]?.t ?? 0, from: "", to: "", proto: "tcp", flags: "", length: 0, hex: "", text: "", note: `... ${omitted} events not shown ...` };
    head.push(gap);
    for (let i = 0; i < tail.length; i++) head.push(tail[i] as WireEvent);
    return head;
  }
}
