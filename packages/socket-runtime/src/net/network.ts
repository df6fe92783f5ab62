/**
 * The simulated network: hosts, one clock, the agenda of future deliveries and timers, the
 * operations that wait, and the wire trace. Nothing here uses a host API: time only moves when
 * the driver takes the next event from the agenda.
 */
import { SocketError } from "../module/errors.ts";
import { parseIPv4 } from "./address.ts";
import type { Attempt, PendingOp, WaitList } from "./blocking.ts";
import type { NetworkConfig } from "./config.ts";
import { Agenda, type Scheduled } from "./events.ts";
import { Host } from "./host.ts";
import { Rng } from "./rng.ts";
import { Trace } from "./trace.ts";

export interface ProcessRecord {
  readonly label: string;
  readonly host: Host;
  state: "running" | "returned" | "raised";
  error?: unknown;
}

export class Network {
  now = 0;
  /** Bumped by every call into the network: the driver waits until it stops moving. */
  activity = 0;
  delivered = 0;
  readonly agenda = new Agenda();
  readonly trace = new Trace();
  readonly hosts: Host[] = [];
  readonly rng: Rng;
  /** A separate stream for workloads (`net.random()`), so they do not shift the network's choices. */
  readonly workloadRng: Rng;
  readonly processes: ProcessRecord[] = [];
  readonly notes: { t: number; text: string }[] = [];
  /** The host whose code is running (set while a host's function is called). */
  current: Host | null = null;
  /** First failure of a background process: ends the scenario. */
  failure: { label: string; error: unknown } | null = null;
  private readonly blocked = new Set<PendingOp>();

  constructor(readonly config: NetworkConfig) {
    this.rng = new Rng(`net:${config.seed}`);
    this.workloadRng = new Rng(`workload:${config.seed}`);
  }

  touch(): void {
    this.activity++;
  }

  addHost(cidr: string, name?: string): Host {
    const ip = cidr.split("/")[0] ?? "";
    if (this.hostByIp(ip) !== undefined) throw new TypeError(`host ${ip} exists already`);
    const host = new Host(cidr, name ?? ip, () => this.now);
    this.hosts.push(host);
    return host;
  }

  hostByIp(ip: string): Host | undefined {
    return this.hosts.find((h) => h.ip === ip);
  }

  /** The host that owns sockets created by code not started on any host: the first one. */
  defaultHost(): Host {
    const host = this.current ?? this.hosts[0];
    if (host === undefined) throw new Error("socket(): the scenario has no host yet");
    return host;
  }

  /** Calls `fn` as code of `host` (sockets it creates synchronously belong to that host). */
  runAs<T>(host: Host, fn: () => T): T {
    const previous = this.current;
    this.current = host;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  at(delayMs: number, fire: () => void): Scheduled {
    return this.agenda.push(this.now + delayMs, fire);
  }

  /** Resolves after `ms` simulated milliseconds. */
  sleep(ms: number): Promise<void> {
    this.touch();
    if (!(ms >= 0)) return Promise.reject(new RangeError(`sleep: ${ms} ms`));
    return new Promise((resolve) => this.at(ms, () => resolve()));
  }

  /**
   * Runs `attempt` now and, until it completes, each time `list` is pumped. `timeoutSec`: null
   * waits for ever, 0 fails at once with EAGAIN (non-blocking), more fails with ETIMEDOUT.
   */
  block<T>(who: string, what: string, timeoutSec: number | null, list: WaitList, attempt: () => Attempt<T> | undefined): Promise<T> {
    this.touch();
    const first = attempt();
    if (first !== undefined) return first.ok ? Promise.resolve(first.value) : Promise.reject(first.error);
    if (timeoutSec === 0) return Promise.reject(new SocketError("EAGAIN", `${what} would block`));
    return new Promise<T>((resolve, reject) => {
      let timer: Scheduled | null = null;
      const finish = (result: Attempt<T>): void => {
        list.remove(op);
        this.blocked.delete(op);
        if (timer !== null) timer.cancelled = true;
        this.touch();
        if (result.ok) resolve(result.value);
        else reject(result.error);
      };
      const op: PendingOp = {
        who,
        what,
        retry: () => {
          const result = attempt();
          if (result === undefined) return false;
          finish(result);
          return true;
        },
        fail: (error) => finish({ ok: false, error }),
      };
      if (timeoutSec !== null) timer = this.at(timeoutSec * 1000, () => op.fail(new SocketError("ETIMEDOUT", what)));
      list.add(op);
      this.blocked.add(op);
    });
  }

  /** Who is waiting, for a deadlock message. */
  waiting(): string[] {
    return [...this.blocked].map((op) => `${op.who} waits in ${op.what}`);
  }

  spawn(host: Host, label: string, fn: () => unknown): ProcessRecord {
    const record: ProcessRecord = { label, host, state: "running" };
    this.processes.push(record);
    let result: unknown;
    try {
      result = this.runAs(host, fn);
    } catch (error) {
      result = Promise.reject(error);
    }
    Promise.resolve(result).then(
      () => {
        record.state = "returned";
        this.touch();
      },
      (error: unknown) => {
        record.state = "raised";
        record.error = error;
        this.failure ??= { label, error };
        this.touch();
      },
    );
    return record;
  }

  note(text: string): void {
    this.notes.push({ t: this.now, text });
  }

  validIp(ip: string): boolean {
    return parseIPv4(ip) !== null;
  }
}
