/**
 * UDP: datagrams keep their boundaries, may be lost, duplicated or reordered (seeded), and a
 * datagram to the subnet's broadcast address reaches every host of the subnet bound to the port.
 */
import { copyBytes, JSONStringify, PromiseCtor, PromiseReject, SafeArray, safeArrayOf, TypedArrayPrototypeGetLength as byteLength } from "@autograder/shared/primordials";
import { SocketError } from "../module/errors.ts";
import { ANY, LIMITED_BROADCAST, formatAddress, normalizeHost, type Address } from "./address.ts";
import { done, WaitList, type Attempt } from "./blocking.ts";
import { SocketCore } from "./core.ts";
import type { Host } from "./host.ts";
import type { Network } from "./network.ts";

/** Largest UDP payload over IPv4. */
export const MAX_DATAGRAM = 65507;
/** Datagrams a socket holds before it drops new ones (a full receive buffer). */
export const INBOX_LIMIT = 256;

export class UdpInbox {
  readonly queue: { data: Uint8Array; from: Address }[] = new SafeArray<{ data: Uint8Array; from: Address }>();
  readonly waiters = new WaitList();
}

function inboxOf(core: SocketCore): UdpInbox {
  core.inbox ??= new UdpInbox();
  return core.inbox;
}

export function isBroadcast(host: Host, ip: string): boolean {
  return ip === LIMITED_BROADCAST || ip === host.broadcast;
}

function receivers(net: Network, sender: Host, ip: string, port: number, broadcast: boolean): SocketCore[] {
  if (broadcast) {
    const hosts = net.hosts.filter((h) => h.broadcast === sender.broadcast);
    const out = new SafeArray<SocketCore>();
    for (let i = 0; i < hosts.length; i++) {
      const owners = (hosts[i] as Host).ports.owners("udp", ip, port);
      for (let j = 0; j < owners.length; j++) {
        const o = owners[j];
        if (o instanceof SocketCore && !o.closed) out.push(o);
      }
    }
    return out;
  }
  const host = ip === "127.0.0.1" ? sender : net.hostByIp(ip);
  if (host === undefined) return new SafeArray<SocketCore>();
  const owners = host.ports.owners("udp", ip, port).filter((o): o is SocketCore => o instanceof SocketCore && !o.closed);
  const last = owners[owners.length - 1];
  return last === undefined ? new SafeArray<SocketCore>() : safeArrayOf([last]);
}

function arrive(net: Network, sender: Host, from: Address, to: Address, data: Uint8Array, broadcast: boolean, note: string): void {
  const targets = receivers(net, sender, to[0], to[1], broadcast);
  const notes = new SafeArray<string>();
  if (note !== "") notes.push(note);
  let delivered = 0;
  for (let i = 0; i < targets.length; i++) {
    const core = targets[i] as SocketCore;
    const inbox = inboxOf(core);
    if (inbox.queue.length >= INBOX_LIMIT) {
      notes.push(`dropped by ${core.host.label}: receive buffer full`);
      continue;
    }
    inbox.queue.push({ data, from });
    inbox.waiters.pump();
    delivered++;
  }
  if (targets.length === 0) notes.push("dropped: no socket bound to this port");
  else if (broadcast) notes.push(`broadcast: delivered to ${delivered} socket${delivered === 1 ? "" : "s"}`);
  net.delivered++;
  net.trace.record({ t: net.now, from: formatAddress(from), to: formatAddress(to), proto: "udp", flags: "", note: notes.join("; ") }, data);
}

export function sendto(core: SocketCore, data: Uint8Array, address: Address): Promise<number> {
  const net = core.net;
  net.touch();
  let ip = normalizeHost(address[0]);
  if (ip === ANY) ip = "127.0.0.1";
  if (!net.validIp(ip)) return PromiseReject(new SocketError("EINVAL", `not an IPv4 address: ${JSONStringify(address[0])}`));
  const broadcast = isBroadcast(core.host, ip);
  if (broadcast && !core.broadcast) return PromiseReject(new SocketError("EACCES", "sending to a broadcast address needs setsockopt(SOL_SOCKET, SO_BROADCAST, 1)"));
  const length = byteLength(data);
  if (length > MAX_DATAGRAM) return PromiseReject(new SocketError("EMSGSIZE", `${length} bytes`));
  if (core.binding === null) core.binding = core.host.ports.ephemeral("udp", core);
  const from: Address = [ip === "127.0.0.1" ? ip : core.wireAddress()[0], core.binding.port];
  const to: Address = [ip, address[1]];
  const payload = copyBytes(data);
  const { latencyMs, loss, dup, reorder } = net.config;
  if (net.rng.chance(loss)) {
    net.at(latencyMs, () => net.trace.record({ t: net.now, from: formatAddress(from), to: formatAddress(to), proto: "udp", flags: "", note: "lost (simulated)" }, payload));
    return new PromiseCtor<number>((resolve) => resolve(length));
  }
  const copies = net.rng.chance(dup) ? 2 : 1;
  for (let copy = 0; copy < copies; copy++) {
    const late = net.rng.chance(reorder) ? latencyMs * (1 + net.rng.below(5)) : 0;
    const dupNote = copy > 0 ? "duplicate (simulated)" : "";
    const lateNote = late > 0 ? "delayed (simulated)" : "";
    const note = dupNote !== "" && lateNote !== "" ? `${dupNote}; ${lateNote}` : dupNote || lateNote;
    net.at(latencyMs + late + copy * latencyMs * 0.5, () => arrive(net, core.host, from, to, payload, broadcast, note));
  }
  return new PromiseCtor<number>((resolve) => resolve(length));
}

/** The next datagram, cut to `bufsize` bytes (the rest of a longer one is lost, as on Linux). */
export function recvfrom(core: SocketCore, bufsize: number): Promise<[Uint8Array, Address]> {
  const inbox = inboxOf(core);
  return core.net.block(core.who, `recvfrom(${bufsize}) on ${formatAddress(core.localAddress())}`, core.timeout, inbox.waiters, (): Attempt<[Uint8Array, Address]> | undefined => {
    if (core.closed) return { ok: false, error: new SocketError("EBADF", "the socket was closed") };
    const next = inbox.queue.shift();
    if (next === undefined) return undefined;
    const from: Address = [next.from[0], next.from[1]];
    return done(safeArrayOf<Uint8Array | Address>([copyBytes(next.data, 0, bufsize < byteLength(next.data) ? bufsize : byteLength(next.data)), from]) as unknown as [Uint8Array, Address]);
  });
}

export function closeUdp(core: SocketCore): void {
  core.inbox?.waiters.failAll(() => new SocketError("EBADF", "the socket was closed"));
  if (core.binding !== null) core.host.ports.release(core.binding);
}
