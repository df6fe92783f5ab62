/**
 * The simulated network: hosts, one clock, the agenda of future deliveries and timers, the
 * operations that wait, and the wire trace. Nothing here uses a host API: time only moves when
 * the driver takes the next event from the agenda.
 */
import { ErrorCtor, PromiseCtor, PromisePrototypeThen, PromiseReject, RangeErrorCtor, SafeArray, SafeSet, StringPrototypeSplit, TypeErrorCtor } from "@autograder/shared/primordials";
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
}

/** A promise of our own resolved with `value` (a non-thenable: the platform's bytes, arrays, numbers). */
function resolved<T>(value: T): Promise<T> {
  return new PromiseCtor<T>((resolve) => resolve(value));
}

export class Network {
  now = 0;
  /** Bumped by every call into the network: the driver waits until it stops moving. */
  activity = 0;
  delivered = 0;
  readonly agenda = new Agenda();
  readonly trace = new Trace();
  readonly hosts: Host[] = new SafeArray<Host>();
  readonly rng: Rng;
  /** A separate stream for workloads (`net.random()`), so they do not shift the network's choices. */
  readonly workloadRng: Rng;
  readonly processes: ProcessRecord[] = new SafeArray<ProcessRecord>();
  readonly notes: { t: number; text: string }[] = new SafeArray<{ t: number; text: string }>();
  /** The host whose code is running (set while a host's function is called). */
  current: Host | null = null;
  /** First failure of a background process: ends the scenario. */
  failure: { label: string; error: unknown } | null = null;
  readonly #blocked = new SafeSet<PendingOp>();

  constructor(readonly config: NetworkConfig) {
    this.rng = new Rng(`net:${config.seed}`);
    this.workloadRng = new Rng(`workload:${config.seed}`);
  }

  touch(): void {
    this.activity++;
  }

  addHost(cidr: string, name?: string): Host {
    const ip = StringPrototypeSplit(`${cidr}`, "/")[0] ?? "";
    if (this.hostByIp(ip) !== undefined) throw new TypeErrorCtor(`host ${ip} exists already`);
    const host = new Host(cidr, name ?? ip, () => this.now);
    this.hosts.push(host);
    return host;
  }

  hostByIp(ip: string): Host | undefined {
    const hosts = this.hosts;
    for (let i = 0; i < hosts.length; i++) if ((hosts[i] as Host).ip === ip) return hosts[i];
    return undefined;
  }

  /** The host that owns sockets created by code not started on any host: the first one. */
  defaultHost(): Host {
    const host = this.current ?? this.hosts[0];
    if (host === undefined) throw new ErrorCtor("socket(): the scenario has no host yet");
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
    if (!(ms >= 0)) return PromiseReject(new RangeErrorCtor(`sleep: ${typeof ms === "number" ? ms : typeof ms} ms`));
    return new PromiseCtor<void>((resolve) => this.at(ms, () => resolve()));
  }

  /**
   * Runs `attempt` now and, until it completes, each time `list` is pumped. `timeoutSec`: null
   * waits for ever, 0 fails at once with EAGAIN (non-blocking), more fails with ETIMEDOUT.
   */
  block<T>(who: string, what: string, timeoutSec: number | null, list: WaitList, attempt: () => Attempt<T> | undefined): Promise<T> {
    this.touch();
    const first = attempt();
    if (first !== undefined) return first.ok ? resolved(first.value) : PromiseReject(first.error);
    if (timeoutSec === 0) return PromiseReject(new SocketError("EAGAIN", `${what} would block`));
    return new PromiseCtor<T>((resolve, reject) => {
      let timer: Scheduled | null = null;
      const finish = (result: Attempt<T>): void => {
        list.remove(op);
        this.#blocked.delete(op);
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
      this.#blocked.add(op);
    });
  }

  /** Who is waiting, for a deadlock message. */
  waiting(): string[] {
    const out = new SafeArray<string>();
    this.#blocked.forEach((op) => out.push(`${op.who} waits in ${op.what}`));
    return out;
  }

  spawn(host: Host, label: string, fn: () => unknown): ProcessRecord {
    const record: ProcessRecord = { label, host, state: "running" };
    this.processes.push(record);
    let result: unknown;
    try {
      result = this.runAs(host, fn);
    } catch (error) {
      this.failure ??= { label, error };
      record.state = "raised";
      this.touch();
      return record;
    }
    // Observed through the original `then` of a promise of our own: a patched Promise.resolve
    // or `then` cannot hide that a background process raised.
    PromisePrototypeThen(
      new PromiseCtor<unknown>((resolve) => resolve(result)),
      () => {
        record.state = "returned";
        this.touch();
      },
      (error: unknown) => {
        record.state = "raised";
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
