/** What a workload's scenario gets: the network, its hosts, and ways to run code on them. */
import { SOCK_STREAM } from "../module/constants.ts";
import { Socket } from "../module/socket.ts";
import type { Host } from "../net/host.ts";
import type { Network, ProcessRecord } from "../net/network.ts";

export class HostHandle {
  constructor(private readonly net: Network, readonly host: Host) {}

  get ip(): string {
    return this.host.ip;
  }

  get name(): string {
    return this.host.name;
  }

  /** The subnet's broadcast address ("10.0.0.255" for 10.0.0.x/24). */
  get broadcast(): string {
    return this.host.broadcast;
  }

  /** A socket on this host (for the simulated peers). */
  socket(type: number = SOCK_STREAM): Socket {
    return Socket.onHost(this.net, this.host, type);
  }

  /** Runs `fn` as this host's code and resolves with its result (a student's client function). */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    try {
      return Promise.resolve(this.net.runAs(this.host, fn));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Starts `fn` in the background as this host's code (a student's server `main`). If it
   * raises, the scenario fails with that error; if it returns, `process.state` says so.
   */
  spawn(label: string, fn: () => unknown): ProcessRecord {
    return this.net.spawn(this.host, label, fn);
  }
}

export class World {
  constructor(private readonly net: Network) {}

  /** Adds a host: "10.0.0.2" (a /24 subnet) or "10.0.0.2/16"; `name` labels it in the trace. */
  host(cidr: string, name?: string): HostHandle {
    return new HostHandle(this.net, this.net.addHost(cidr, name));
  }

  sleep(ms: number): Promise<void> {
    return this.net.sleep(ms);
  }

  now(): number {
    return this.net.now;
  }

  /** The run's seed (same seed, same run). */
  get seed(): string {
    return this.net.config.seed;
  }

  /** A number in [0, 1) from the run's seed (for generated inputs). */
  random(): number {
    return this.net.workloadRng.float();
  }

  /** An annotation in the report, at the current simulated time. */
  note(text: string): void {
    this.net.note(text);
  }
}
