/** A simulated machine: one IPv4 address on a subnet, its ports and file descriptors. */
import { NumberCtor, NumberIsInteger, StringPrototypeSplit, TypeErrorCtor } from "@autograder/shared/primordials";
import { broadcastOf, formatIPv4, parseIPv4, subnetOf, type Subnet } from "./address.ts";
import { PortTable } from "./ports.ts";

export class Host {
  readonly ip: string;
  readonly ipNumber: number;
  readonly subnet: Subnet;
  readonly broadcast: string;
  readonly ports: PortTable;
  private nextFd = 3;
  /** Sockets created on this host and not closed yet (a workload checks that code closed its own). */
  openSockets = 0;

  /** `cidr`: "10.0.0.2" (a /24) or "10.0.0.2/16". */
  constructor(cidr: string, readonly name: string, now: () => number) {
    const parts = StringPrototypeSplit(`${cidr}`, "/");
    const ip = parts[0] ?? "";
    const prefixText = parts[1];
    const value = parseIPv4(ip);
    const prefix = prefixText === undefined ? 24 : NumberCtor(prefixText);
    if (value === null || !NumberIsInteger(prefix) || prefix < 8 || prefix > 30) throw new TypeErrorCtor(`not a host address: ${cidr}`);
    this.ip = ip;
    this.ipNumber = value;
    this.subnet = subnetOf(value, prefix);
    this.broadcast = formatIPv4(broadcastOf(this.subnet));
    this.ports = new PortTable(now);
  }

  /** The host's own addresses: its IP, loopback, and the wildcard. */
  isLocal(ip: string): boolean {
    return ip === this.ip || ip === "127.0.0.1" || ip === "0.0.0.0";
  }

  fd(): number {
    return this.nextFd++;
  }

  get label(): string {
    return this.name === this.ip ? this.ip : `${this.name} (${this.ip})`;
  }
}
