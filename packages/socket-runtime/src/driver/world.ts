/** What a workload's scenario gets: the network, its hosts, and ways to run code on them. */
import { PromiseCtor, PromiseReject } from "@autograder/shared/primordials";
import { SOCK_STREAM } from "../module/constants.ts";
import { Socket } from "../module/socket.ts";
import type { Host } from "../net/host.ts";
import type { Network, ProcessRecord } from "../net/network.ts";

/** What `spawn` returns: the process's label and state, read-only (the record stays inside). */
export interface ProcessView {
  readonly label: string;
  readonly state: ProcessRecord["state"];
}

// The network and host are #private: a World or HostHandle that reaches student code gives
// no way to the network's state (its failure, its agenda, the peers' buffers).
export class HostHandle {
  readonly #net: Network;
  readonly #host: Host;

  constructor(net: Network, host: Host) {
    this.#net = net;
    this.#host = host;
  }

  get ip(): string {
    return this.#host.ip;
  }

  get name(): string {
    return this.#host.name;
  }

  /** The subnet's broadcast address ("10.0.0.255" for 10.0.0.x/24). */
  get broadcast(): string {
    return this.#host.broadcast;
  }

  /** How many sockets on this host (the workload's and the student's) are not closed yet. */
  openSockets(): number {
    return this.#host.openSockets;
  }

  /** A socket on this host (for the simulated peers). */
  socket(type: number = SOCK_STREAM): Socket {
    return Socket.onHost(this.#net, this.#host, type);
  }

  /** Runs `fn` as this host's code and resolves with its result (a student's client function). */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    try {
      const result = this.#net.runAs(this.#host, fn);
      return new PromiseCtor<T>((resolve) => resolve(result));
    } catch (error) {
      return PromiseReject(error);
    }
  }

  /**
   * Starts `fn` in the background as this host's code (a student's server `main`). If it
   * raises, the scenario fails with that error; if it returns, `state` says so.
   */
  spawn(label: string, fn: () => unknown): ProcessView {
    const record = this.#net.spawn(this.#host, label, fn);
    return {
      label: record.label,
      get state() {
        return record.state;
      },
    };
  }
}

export class World {
  readonly #net: Network;

  constructor(net: Network) {
    this.#net = net;
  }

  /** Adds a host: "10.0.0.2" (a /24 subnet) or "10.0.0.2/16"; `name` labels it in the trace. */
  host(cidr: string, name?: string): HostHandle {
    return new HostHandle(this.#net, this.#net.addHost(cidr, name));
  }

  sleep(ms: number): Promise<void> {
    return this.#net.sleep(ms);
  }

  now(): number {
    return this.#net.now;
  }

  /** The run's seed (same seed, same run). */
  get seed(): string {
    return this.#net.config.seed;
  }

  /** A number in [0, 1) from the run's seed (for generated inputs). */
  random(): number {
    return this.#net.workloadRng.float();
  }

  /** An annotation in the report, at the current simulated time. */
  note(text: string): void {
    this.#net.note(`${text}`);
  }
}
