/** The wire record: every segment and datagram, at the time it arrives (or is lost). */

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

export function toHex(bytes: Uint8Array, max = SHOWN_BYTES): string {
  let out = "";
  for (let i = 0; i < Math.min(bytes.length, max); i++) out += (bytes[i] as number).toString(16).padStart(2, "0");
  return out;
}

export function printable(bytes: Uint8Array, max = SHOWN_BYTES): string {
  let out = "";
  for (let i = 0; i < Math.min(bytes.length, max); i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x5c) out += "\\\\";
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return bytes.length > max ? `${out}...` : out;
}

type Recorded = Omit<WireEvent, "hex" | "text" | "length"> & { readonly length: number; readonly head: Uint8Array };

function format(e: Recorded): WireEvent {
  const { head, ...rest } = e;
  return { ...rest, hex: toHex(head), text: e.length > head.length ? `${printable(head)}...` : printable(head) };
}

export class Trace {
  private readonly kept: Recorded[] = [];
  segments = 0;
  datagrams = 0;
  bytes = 0;
  dropped = 0;

  record(event: Omit<WireEvent, "hex" | "text" | "length">, data: Uint8Array): void {
    if (event.proto === "tcp") this.segments++;
    else this.datagrams++;
    this.bytes += data.length;
    if (this.kept.length >= KEPT_EVENTS) {
      this.dropped++;
      return;
    }
    this.kept.push({ ...event, t: Math.round(event.t * 1000) / 1000, length: data.length, head: data.slice(0, SHOWN_BYTES) });
  }

  /** Every kept event, formatted. */
  get events(): WireEvent[] {
    return this.kept.map(format);
  }

  /** At most `limit` events: the first and the last halves, with a marker between. */
  shown(limit: number): WireEvent[] {
    if (this.kept.length <= limit && this.dropped === 0) return this.kept.map(format);
    const half = Math.floor(limit / 2);
    const head = this.kept.slice(0, half).map(format);
    const tail = this.kept.slice(Math.max(half, this.kept.length - half)).map(format);
    const omitted = this.kept.length - head.length - tail.length + this.dropped;
    const gap: WireEvent = { t: tail[0]?.t ?? 0, from: "", to: "", proto: "tcp", flags: "", length: 0, hex: "", text: "", note: `... ${omitted} events not shown ...` };
    return [...head, gap, ...tail];
  }
}
