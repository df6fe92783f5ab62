/**
 * TCP: listeners with a backlog, the handshake, and connections as two endpoints exchanging an
 * ordered, reliable byte stream. How the stream is cut into segments is the network's choice
 * (config.split), never the sender's: that is what makes "one recv is one message" code fail.
 */
import {
  copyBytes,
  JSONStringify,
  MathCeil,
  MathFloor,
  MathMax,
  MathMin,
  PromiseReject,
  SafeArray,
  safeArrayOf,
  TypedArrayPrototypeGetLength as byteLength,
  TypedArrayPrototypeSet,
  Uint8ArrayCtor,
  viewBytes,
} from "@autograder/shared/primordials";
import { SocketError } from "../module/errors.ts";
import { ANY, formatAddress, normalizeHost, type Address } from "./address.ts";
import { done, failed, WaitList, type Attempt } from "./blocking.ts";
import { SocketCore } from "./core.ts";
import type { Host } from "./host.ts";
import type { Network } from "./network.ts";
import { cutSegments } from "./segmentation.ts";

const EMPTY = new Uint8ArrayCtor(0);
/** Time before a connect to an address nobody has fails with EHOSTUNREACH. */
const UNREACHABLE_MS = 3000;

interface Segment {
  data: Uint8Array;
  delivered: boolean;
  sends: number;
}

/** One side of a connection. */
export class Endpoint {
  peer: Endpoint | null = null;
  readonly rx: Uint8Array[] = new SafeArray<Uint8Array>();
  rxBytes = 0;
  /** Bytes sent towards this endpoint that its application has not read yet (the window). */
  unread = 0;
  /** FIN received: the peer will send nothing more. */
  fin = false;
  /** RST received: the connection is gone. */
  reset = false;
  /** Reported once by the next recv or send (then EOF / EPIPE), as Linux does. */
  pendingError: "ECONNRESET" | "EPIPE" | null = null;
  writeShut = false;
  readShut = false;
  /** The application closed its socket. */
  closed = false;
  /** This side already answered with RST (once is enough). */
  rstSent = false;
  established = false;
  refused: SocketError | null = null;
  /** Data segment still travelling, that a later send may join ("merge" and "random"). */
  tail: Segment | null = null;
  /** Arrival time of the last segment sent this way: later segments never overtake it. */
  lastArrival = 0;
  readonly recvWaiters = new WaitList();
  readonly sendWaiters = new WaitList();
  readonly connectWaiters = new WaitList();

  constructor(readonly net: Network, readonly host: Host, public local: Address, public remote: Address) {}

  get label(): string {
    return `${formatAddress(this.local)} <-> ${formatAddress(this.remote)}`;
  }
}

export class Listener {
  /** Connections the kernel completed, waiting for accept(). */
  readonly queue: Endpoint[] = new SafeArray<Endpoint>();
  /** Clients whose SYN came while the queue was full: they wait (Linux makes them retry). */
  readonly synQueue: { client: Endpoint; ip: string }[] = new SafeArray<{ client: Endpoint; ip: string }>();
  readonly acceptWaiters = new WaitList();
  closed = false;

  constructor(readonly core: SocketCore, readonly capacity: number) {}
}

function transmit(net: Network, from: Endpoint, flags: string, seg: Segment, note: string, onArrive: () => void): void {
  const arrival = MathMax(net.now + net.config.latencyMs, from.lastArrival);
  from.lastArrival = arrival;
  net.agenda.push(arrival, () => {
    seg.delivered = true;
    net.delivered++;
    const merged = seg.sends > 1 ? `${seg.sends} sends in one segment` : "";
    net.trace.record({ t: net.now, from: formatAddress(from.local), to: formatAddress(from.remote), proto: "tcp", flags, note: merged !== "" && note !== "" ? `${merged}; ${note}` : merged || note }, seg.data);
    onArrive();
  });
}

function control(net: Network, from: Endpoint, flags: "SYN" | "SYN-ACK" | "FIN" | "RST", note: string, onArrive: () => void): void {
  if (flags !== "SYN-ACK") from.tail = null;
  transmit(net, from, flags, { data: EMPTY, delivered: false, sends: 1 }, note, onArrive);
}

function sendRst(net: Network, from: Endpoint, note: string): void {
  const to = from.peer;
  if (to === null || from.rstSent) return;
  from.rstSent = true;
  control(net, from, "RST", note, () => {
    if (to.closed || to.reset) return;
    to.reset = true;
    to.pendingError = to.fin ? "EPIPE" : "ECONNRESET";
    to.rx.length = 0;
    to.rxBytes = 0;
    to.unread = 0;
    to.recvWaiters.pump();
    to.sendWaiters.pump();
  });
}

function sendFin(net: Network, from: Endpoint): void {
  const to = from.peer;
  if (to === null) return;
  control(net, from, "FIN", "", () => {
    to.fin = true;
    to.recvWaiters.pump();
  });
}

function deliverData(net: Network, from: Endpoint, to: Endpoint, seg: Segment): void {
  if (to.reset) return;
  if (to.closed) {
    to.unread = 0;
    if (!from.reset && !from.closed) sendRst(net, to, "data for a closed socket");
    return;
  }
  to.rx.push(seg.data);
  to.rxBytes += byteLength(seg.data);
  to.recvWaiters.pump();
}

/** Puts `bytes` on the wire from `from`, cut the way the network's configuration says. */
function sendData(net: Network, from: Endpoint, bytes: Uint8Array): void {
  const to = from.peer;
  if (to === null) return;
  to.unread += byteLength(bytes);
  const cut = cutSegments(net.config, net.rng, bytes, from.tail !== null && !from.tail.delivered ? byteLength(from.tail.data) : null);
  const pieces = cut.pieces;
  const joinTail = cut.joinTail;
  let rest = pieces;
  if (joinTail && from.tail !== null && rest.length > 0) {
    const first = rest[0] as Uint8Array;
    const tailLength = byteLength(from.tail.data);
    const joined = new Uint8ArrayCtor(tailLength + byteLength(first));
    TypedArrayPrototypeSet(joined, from.tail.data, 0);
    TypedArrayPrototypeSet(joined, first, tailLength);
    from.tail.data = joined;
    from.tail.sends++;
    rest = rest.slice(1);
  }
  for (let i = 0; i < rest.length; i++) {
    const piece = rest[i] as Uint8Array;
    const seg: Segment = { data: piece, delivered: false, sends: 1 };
    transmit(net, from, "", seg, "", () => deliverData(net, from, to, seg));
    from.tail = seg;
  }
}

export function listen(core: SocketCore, backlog: number): void {
  if (core.stream !== null) throw new SocketError("EINVAL", "listen() on a connected socket");
  if (core.binding === null) core.binding = core.host.ports.ephemeral("tcp", core);
  if (core.listener === null) core.listener = new Listener(core, MathMax(1, MathFloor(backlog)));
}

/** Where a SYN for `ip:port` on `host` goes: a listening socket, or nobody (RST). */
function listenerFor(host: Host, ip: string, port: number): Listener | null {
  const owners = host.ports.owners("tcp", ip, port);
  for (let i = 0; i < owners.length; i++) {
    const owner = owners[i];
    if (owner instanceof SocketCore && owner.listener !== null && !owner.listener.closed) return owner.listener;
  }
  return null;
}

function establish(net: Network, listener: Listener, client: Endpoint, ip: string): void {
  const server = new Endpoint(net, listener.core.host, [ip, client.remote[1]], client.local);
  server.peer = client;
  client.peer = server;
  server.established = true;
  listener.queue.push(server);
  listener.acceptWaiters.pump();
  control(net, server, "SYN-ACK", "", () => {
    if (client.closed) {
      sendRst(net, client, "connect was abandoned");
      return;
    }
    client.established = true;
    client.connectWaiters.pump();
  });
}

export function connect(core: SocketCore, address: Address): Promise<void> {
  const net = core.net;
  net.touch();
  if (core.listener !== null) return PromiseReject(new SocketError("EINVAL", "connect() on a listening socket"));
  if (core.stream !== null) return PromiseReject(new SocketError(core.stream.established ? "EISCONN" : "EALREADY"));
  let ip = normalizeHost(address[0]);
  if (ip === ANY) ip = "127.0.0.1";
  if (!net.validIp(ip)) return PromiseReject(new SocketError("EINVAL", `not an IPv4 address: ${JSONStringify(address[0])}`));
  if (core.binding === null) core.binding = core.host.ports.ephemeral("tcp", core);
  const loopback = ip === "127.0.0.1" || ip === core.host.ip;
  const client = new Endpoint(net, core.host, [ip === "127.0.0.1" ? ip : core.host.ip, core.binding.port], [ip, address[1]]);
  core.stream = client;
  const target = loopback ? core.host : net.hostByIp(ip);
  if (target === undefined) {
    net.at(UNREACHABLE_MS, () => {
      client.refused = new SocketError("EHOSTUNREACH", ip);
      client.connectWaiters.pump();
    });
  } else {
    const probe = new Endpoint(net, target, client.remote, client.local);
    client.peer = probe;
    control(net, client, "SYN", "", () => {
      client.peer = null;
      const listener = listenerFor(target, ip, address[1]);
      if (listener === null) {
        probe.peer = client;
        control(net, probe, "RST", "nobody listens on this port", () => {
          client.refused = new SocketError("ECONNREFUSED", formatAddress(client.remote));
          client.connectWaiters.pump();
        });
      } else if (listener.queue.length >= listener.capacity) {
        listener.synQueue.push({ client, ip });
      } else {
        establish(net, listener, client, ip);
      }
    });
  }
  const waiting = net.block<void>(core.who, `connect to ${formatAddress(client.remote)}`, core.timeout, client.connectWaiters, () => {
    if (client.refused !== null) return failed(client.refused);
    if (client.established) return done(undefined);
    return undefined;
  });
  return waiting.catch((error: unknown) => {
    client.closed = true;
    core.stream = null;
    throw error;
  });
}

export function accept(core: SocketCore): Promise<[SocketCore, Address]> {
  const listener = core.listener;
  if (listener === null) return PromiseReject(new SocketError("EINVAL", "accept() before listen()"));
  const net = core.net;
  return net.block(core.who, `accept on ${formatAddress(core.localAddress())}`, core.timeout, listener.acceptWaiters, (): Attempt<[SocketCore, Address]> | undefined => {
    if (listener.closed) return failed(new SocketError("EBADF", "the listening socket was closed"));
    const ep = listener.queue.shift();
    if (ep === undefined) return undefined;
    const conn = new SocketCore(net, core.host, "stream");
    conn.stream = ep;
    conn.binding = core.host.ports.claim("tcp", ep.local[0], ep.local[1], conn, true, "soft");
    const waiting = listener.synQueue.shift();
    if (waiting !== undefined) establish(net, listener, waiting.client, waiting.ip);
    return done(safeArrayOf<SocketCore | Address>([conn, ep.remote]) as unknown as [SocketCore, Address]);
  });
}

function connected(core: SocketCore): Endpoint {
  if (core.stream === null || !core.stream.established) throw new SocketError("ENOTCONN");
  return core.stream;
}

export function recv(core: SocketCore, bufsize: number): Promise<Uint8Array> {
  let ep: Endpoint;
  try {
    ep = connected(core);
  } catch (error) {
    return PromiseReject(error);
  }
  const net = core.net;
  return net.block(core.who, `recv(${bufsize}) on ${ep.label}`, core.timeout, ep.recvWaiters, (): Attempt<Uint8Array> | undefined => {
    if (ep.closed) return failed(new SocketError("EBADF", "the socket was closed"));
    if (ep.pendingError !== null) {
      const code = ep.pendingError;
      ep.pendingError = null;
      return failed(new SocketError(code));
    }
    if (bufsize === 0) return done(new Uint8ArrayCtor(0));
    if (ep.rxBytes > 0) return done(take(ep, bufsize));
    if (ep.fin || ep.reset || ep.readShut) return done(new Uint8ArrayCtor(0));
    return undefined;
  });
}

function take(ep: Endpoint, bufsize: number): Uint8Array {
  const n = MathMin(bufsize, ep.rxBytes);
  const out = new Uint8ArrayCtor(n);
  let filled = 0;
  while (filled < n) {
    const head = ep.rx[0] as Uint8Array;
    const headLength = byteLength(head);
    const count = MathMin(headLength, n - filled);
    TypedArrayPrototypeSet(out, viewBytes(head, 0, count), filled);
    filled += count;
    if (count === headLength) ep.rx.shift();
    else ep.rx[0] = viewBytes(head, count);
  }
  ep.rxBytes -= n;
  ep.unread = MathMax(0, ep.unread - n);
  ep.peer?.sendWaiters.pump();
  return out;
}

/** Sends what fits in the peer's window (at most config.maxSend bytes); resolves with the count. */
export function send(core: SocketCore, data: Uint8Array): Promise<number> {
  let ep: Endpoint;
  try {
    ep = connected(core);
  } catch (error) {
    return PromiseReject(error);
  }
  const net = core.net;
  return net.block(core.who, `send(${byteLength(data)} bytes) on ${ep.label}`, core.timeout, ep.sendWaiters, (): Attempt<number> | undefined => {
    if (ep.closed) return failed(new SocketError("EBADF", "the socket was closed"));
    if (ep.pendingError !== null) {
      const code = ep.pendingError;
      ep.pendingError = null;
      return failed(new SocketError(code));
    }
    if (ep.reset || ep.writeShut) return failed(new SocketError("EPIPE"));
    if (byteLength(data) === 0) return done(0);
    const peer = ep.peer;
    if (peer === null) return failed(new SocketError("ENOTCONN"));
    const space = net.config.recvBuffer - peer.unread;
    // No silly-window sends: wait until a full segment (or the whole rest, or half the window) fits.
    if (space < MathMin(byteLength(data), net.config.mss, MathCeil(net.config.recvBuffer / 2))) return undefined;
    const n = MathMin(byteLength(data), space, net.config.maxSend);
    sendData(net, ep, copyBytes(data, 0, n));
    return done(n);
  });
}

export function shutdown(core: SocketCore, how: number): void {
  const ep = connected(core);
  if (how !== 0 && how !== 1 && how !== 2) throw new SocketError("EINVAL", `shutdown(${how})`);
  if (how !== 0 && !ep.writeShut) {
    ep.writeShut = true;
    if (!ep.reset) sendFin(core.net, ep);
  }
  if (how !== 1) {
    ep.readShut = true;
    ep.recvWaiters.pump();
  }
}

export function closeTcp(core: SocketCore): void {
  const net = core.net;
  const listener = core.listener;
  if (listener !== null) {
    listener.closed = true;
    const queued = listener.queue.splice(0);
    for (let i = 0; i < queued.length; i++) sendRst(net, queued[i] as Endpoint, "listening socket closed before accept");
    const syns = listener.synQueue.splice(0);
    for (let i = 0; i < syns.length; i++) {
      const client = (syns[i] as { client: Endpoint }).client;
      const probe = new Endpoint(net, core.host, client.remote, client.local);
      probe.peer = client;
      control(net, probe, "RST", "listening socket closed", () => {
        client.refused = new SocketError("ECONNREFUSED", formatAddress(client.remote));
        client.connectWaiters.pump();
      });
    }
    listener.acceptWaiters.failAll(() => new SocketError("EBADF", "the socket was closed"));
    if (core.binding !== null) core.host.ports.release(core.binding);
    return;
  }
  const ep = core.stream;
  if (ep !== null) {
    ep.closed = true;
    const closedError = () => new SocketError("EBADF", "the socket was closed");
    ep.recvWaiters.failAll(closedError);
    ep.sendWaiters.failAll(closedError);
    ep.connectWaiters.failAll(closedError);
    if (ep.established && !ep.reset) {
      if (ep.rxBytes > 0) sendRst(net, ep, "closed with unread data");
      else if (!ep.writeShut) sendFin(net, ep);
    }
    if (core.binding !== null) core.host.ports.timeWait(core.binding);
    return;
  }
  if (core.binding !== null) core.host.ports.release(core.binding);
}
