/** The state behind one student-visible socket: its host, type, options, address and role. */
import { SocketError } from "../module/errors.ts";
import { ANY, type Address } from "./address.ts";
import type { Host } from "./host.ts";
import type { Network } from "./network.ts";
import type { Binding } from "./ports.ts";
import type { Endpoint, Listener } from "./tcp.ts";
import type { UdpInbox } from "./udp.ts";

export type SocketKind = "stream" | "dgram";

export class SocketCore {
  readonly fd: number;
  reuseAddr = false;
  broadcast = false;
  /** Seconds; null blocks for ever, 0 is non-blocking. */
  timeout: number | null = null;
  binding: Binding | null = null;
  closed = false;
  listener: Listener | null = null;
  stream: Endpoint | null = null;
  inbox: UdpInbox | null = null;

  constructor(readonly net: Network, readonly host: Host, readonly kind: SocketKind) {
    this.fd = host.fd();
    host.openSockets++;
  }

  /** "alice (10.0.0.2) fd 3", for messages. */
  get who(): string {
    return `${this.host.label}`;
  }

  get proto(): "tcp" | "udp" {
    return this.kind === "stream" ? "tcp" : "udp";
  }

  /** The local address as getsockname() shows it ("0.0.0.0" when bound to every address). */
  localAddress(): Address {
    if (this.stream !== null) return this.stream.local;
    if (this.binding === null) return [ANY, 0];
    return [this.binding.ip, this.binding.port];
  }

  /** Address for the trace: a wildcard-bound socket sends from the host's IP. */
  wireAddress(): Address {
    const local = this.localAddress();
    return [local[0] === ANY ? this.host.ip : local[0], local[1]];
  }

  ensureOpen(): void {
    if (this.closed) throw new SocketError("EBADF", "the socket is closed");
  }
}
