/** IPv4 addresses and subnets of the simulated network. */
import { NumberCtor, RegExpPrototypeExec, StringPrototypeSplit } from "@autograder/shared/primordials";


export type Address = readonly [host: string, port: number];

export const ANY = "0.0.0.0";
export const LIMITED_BROADCAST = "255.255.255.255";

export function parseIPv4(text: string): number | null {
  const parts = StringPrototypeSplit(text, ".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (RegExpPrototypeExec(/^\d{1,3}$/, part) === null) return null;
    const n = NumberCtor(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export interface Subnet {
  readonly network: number;
  readonly prefix: number;
}

export function subnetOf(ip: number, prefix: number): Subnet {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { network: (ip & mask) >>> 0, prefix };
}

export function broadcastOf(subnet: Subnet): number {
  const hostBits = 32 - subnet.prefix;
  return (subnet.network + (hostBits === 32 ? 0xffffffff : 2 ** hostBits - 1)) >>> 0;
}

export function sameSubnet(a: Subnet, b: Subnet): boolean {
  return a.network === b.network && a.prefix === b.prefix;
}

/** "" and "0.0.0.0" mean every address of the host; "localhost" is 127.0.0.1. */
export function normalizeHost(host: string): string {
  if (host === "") return ANY;
  if (host === "localhost") return "127.0.0.1";
  if (host === "<broadcast>") return LIMITED_BROADCAST;
  return host;
}

export function formatAddress(address: Address): string {
  return `${address[0]}:${address[1]}`;
}
