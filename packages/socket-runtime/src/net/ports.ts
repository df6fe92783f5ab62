/** Which (protocol, address, port) pairs are taken on a host, with SO_REUSEADDR semantics. */
import { NumberPositiveInfinity, SafeArray } from "@autograder/shared/primordials";
import { SocketError } from "../module/errors.ts";
import { ANY } from "./address.ts";

export type PortProto = "tcp" | "udp";

export interface Binding {
  readonly proto: PortProto;
  readonly ip: string;
  readonly port: number;
  /** The socket that holds it (a listener, a connection, a UDP socket). */
  readonly owner: object;
  /** SO_REUSEADDR was set on the socket when it bound. */
  readonly reuse: boolean;
  /**
   * "hard": a bound or listening socket (TCP) / any UDP socket; "soft": an accepted connection
   * or a closed one in TIME_WAIT, which SO_REUSEADDR may bind over.
   */
  kind: "hard" | "soft";
  /** TIME_WAIT ends at this simulated time. */
  until: number;
}

export const EPHEMERAL_FIRST = 49152;
export const TIME_WAIT_MS = 60_000;

export class PortTable {
  private readonly bindings: Binding[] = new SafeArray<Binding>();
  private nextEphemeral = EPHEMERAL_FIRST;

  constructor(private readonly now: () => number) {}

  private live(): Binding[] {
    const t = this.now();
    for (let i = this.bindings.length - 1; i >= 0; i--) if ((this.bindings[i] as Binding).until <= t) this.bindings.splice(i, 1);
    return this.bindings;
  }

  /** Takes (proto, ip, port) for `owner`, or throws EADDRINUSE. */
  claim(proto: PortProto, ip: string, port: number, owner: object, reuse: boolean, kind: "hard" | "soft" = "hard"): Binding {
    const live = this.live();
    for (let i = 0; i < live.length; i++) {
      const b = live[i] as Binding;
      if (b.proto !== proto || b.port !== port) continue;
      if (b.ip !== ip && b.ip !== ANY && ip !== ANY) continue;
      const allowed = proto === "udp" ? reuse && b.reuse : kind === "soft" || (b.kind === "soft" && reuse);
      if (!allowed) throw new SocketError("EADDRINUSE", `${ip}:${port}`);
    }
    const binding: Binding = { proto, ip, port, owner, reuse, kind, until: NumberPositiveInfinity };
    this.bindings.push(binding);
    return binding;
  }

  /** A free port from 49152 up for an implicit bind (connect, first sendto). */
  ephemeral(proto: PortProto, owner: object): Binding {
    for (let tries = 0; tries < 16384; tries++) {
      const port = this.nextEphemeral;
      this.nextEphemeral = port >= 65535 ? EPHEMERAL_FIRST : port + 1;
      if (!this.live().some((b) => b.proto === proto && b.port === port)) return this.claim(proto, ANY, port, owner, false);
    }
    throw new SocketError("EADDRINUSE", "no ephemeral port left");
  }

  release(binding: Binding): void {
    const i = this.bindings.indexOf(binding);
    if (i >= 0) this.bindings.splice(i, 1);
  }

  /** The binding stays as TIME_WAIT: SO_REUSEADDR can bind over it, others get EADDRINUSE. */
  timeWait(binding: Binding): void {
    binding.kind = "soft";
    binding.until = this.now() + TIME_WAIT_MS;
  }

  /** Owners bound to `port` that accept traffic for `ip` (a specific match or the wildcard). */
  owners(proto: PortProto, ip: string, port: number): object[] {
    return this.live()
      .filter((b) => b.proto === proto && b.port === port && b.kind === "hard" && (b.ip === ip || b.ip === ANY))
      .map((b) => b.owner);
  }
}
