/** The student-facing socket object: Python's socket API, with Promises where Python blocks. */
import {
  ArrayIsArray,
  copyBytes,
  NumberIsInteger,
  PromiseReject,
  StringCtor,
  TypeErrorCtor,
  TypedArrayPrototypeGetLength,
  viewBytes,
} from "@autograder/shared/primordials";
import { toBytes } from "../polyfill/utf8.ts";
import { ANY, normalizeHost, type Address } from "../net/address.ts";
import { activeNetwork } from "../net/active.ts";
import { SocketCore } from "../net/core.ts";
import type { Host } from "../net/host.ts";
import type { Network } from "../net/network.ts";
import * as tcp from "../net/tcp.ts";
import * as udp from "../net/udp.ts";
import { AF_INET, SO_BROADCAST, SO_RCVBUF, SO_REUSEADDR, SO_TYPE, SOCK_DGRAM, SOCK_STREAM, SOL_SOCKET } from "./constants.ts";
import { SocketError } from "./errors.ts";

export type { Address };

// Runs in the student's isolate: built-ins are the primordials captured at load, and a
// socket's core (its host, buffers, peer) is only reachable through the #core field.

/** The bytes of `data`, copied: the student cannot change what is in flight afterwards. */
function bytesArg(data: unknown, method: string): Uint8Array {
  if (typeof data === "object" && data !== null) {
    try {
      return copyBytes(toBytes(data));
    } catch {
      // not bytes-like: the TypeError below says what is needed
    }
  }
  const kind = typeof data === "string" ? "string (encode it first: new TextEncoder().encode(text))" : data === null ? "null" : typeof data;
  throw new TypeErrorCtor(`${method}: a bytes-like object (Uint8Array) is required, not a ${kind}`);
}

function sizeArg(n: unknown, method: string): number {
  if (typeof n !== "number" || !NumberIsInteger(n) || n < 0) throw new TypeErrorCtor(`${method}: the buffer size must be a non-negative integer, not ${typeof n === "number" ? n : typeof n}`);
  return n;
}

function addressArg(address: unknown, method: string): Address {
  if (!ArrayIsArray(address) || address.length !== 2 || typeof address[0] !== "string" || typeof address[1] !== "number") {
    throw new TypeErrorCtor(`${method}: the address must be a [host, port] pair like ["10.0.0.1", 8888]`);
  }
  const host: string = address[0];
  const port: number = address[1];
  if (!NumberIsInteger(port) || port < 0 || port > 65535) throw new SocketError("EINVAL", `${method}: port must be 0-65535, not ${port}`);
  return [host, port];
}

function rejecting<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return fn();
  } catch (error) {
    return PromiseReject(error);
  }
}

/** The core of a socket the student holds: every method goes through here (it counts as activity). */
function use(core: SocketCore): SocketCore {
  core.net.touch();
  return core;
}

export class Socket {
  readonly #core: SocketCore;
  readonly family = AF_INET;
  readonly type: number;

  /** socket(AF_INET, SOCK_STREAM) / socket(AF_INET, SOCK_DGRAM); the socket belongs to the host running the code. */
  constructor(family: number = AF_INET, type: number = SOCK_STREAM, core?: SocketCore) {
    if (family !== AF_INET) throw new SocketError("EINVAL", "only AF_INET (IPv4) is simulated");
    if (type !== SOCK_STREAM && type !== SOCK_DGRAM) throw new SocketError("EINVAL", "type must be SOCK_STREAM or SOCK_DGRAM");
    this.type = type;
    if (core instanceof SocketCore) {
      this.#core = core;
    } else {
      const net = activeNetwork();
      net.touch();
      this.#core = new SocketCore(net, net.defaultHost(), type === SOCK_STREAM ? "stream" : "dgram");
    }
  }

  /** For the workload: a socket on a given host. */
  static onHost(net: Network, host: Host, type: number): Socket {
    net.touch();
    return new Socket(AF_INET, type, new SocketCore(net, host, type === SOCK_STREAM ? "stream" : "dgram"));
  }

  setsockopt(level: number, option: number, value: number | boolean): void {
    const core = use(this.#core);
    core.ensureOpen();
    if (level !== SOL_SOCKET) throw new SocketError("EINVAL", `level ${level}: only SOL_SOCKET options are simulated`);
    if (option === SO_REUSEADDR) core.reuseAddr = !!value;
    else if (option === SO_BROADCAST) core.broadcast = !!value;
    else if (option !== SO_RCVBUF) throw new SocketError("EINVAL", `option ${StringCtor(option)} is not simulated`);
  }

  getsockopt(level: number, option: number): number {
    const core = use(this.#core);
    if (level !== SOL_SOCKET) throw new SocketError("EINVAL", `level ${level}`);
    if (option === SO_REUSEADDR) return core.reuseAddr ? 1 : 0;
    if (option === SO_BROADCAST) return core.broadcast ? 1 : 0;
    if (option === SO_TYPE) return this.type;
    if (option === SO_RCVBUF) return core.net.config.recvBuffer;
    throw new SocketError("EINVAL", `option ${option} is not simulated`);
  }

  /** Seconds; null blocks for ever (the default), 0 makes every wait fail at once with EAGAIN. */
  settimeout(seconds: number | null): void {
    if (seconds !== null && !(typeof seconds === "number" && seconds >= 0)) throw new TypeErrorCtor("settimeout: seconds must be a non-negative number or null");
    use(this.#core).timeout = seconds;
  }

  gettimeout(): number | null {
    return use(this.#core).timeout;
  }

  setblocking(flag: boolean): void {
    use(this.#core).timeout = flag ? null : 0;
  }

  /** bind(["", 8888]): "" and "0.0.0.0" mean every address of the host; port 0 picks a free one. */
  bind(address: readonly [string, number]): void {
    const core = use(this.#core);
    core.ensureOpen();
    const addr = addressArg(address, "bind");
    const rawHost = addr[0];
    const port = addr[1];
    if (core.binding !== null) throw new SocketError("EINVAL", "the socket is already bound");
    const ip = normalizeHost(rawHost);
    if (!core.host.isLocal(ip)) throw new SocketError("EADDRNOTAVAIL", `${rawHost} is not an address of ${core.host.label}`);
    core.binding = port === 0 ? core.host.ports.ephemeral(core.proto, core) : core.host.ports.claim(core.proto, ip, port, core, core.reuseAddr);
  }

  listen(backlog = 128): void {
    const core = use(this.#core);
    core.ensureOpen();
    if (core.kind !== "stream") throw new SocketError("EOPNOTSUPP", "listen() needs a SOCK_STREAM socket");
    tcp.listen(core, backlog);
  }

  /** Waits for a client; resolves with the connection's socket and the client's [host, port]. */
  accept(): Promise<[Socket, [string, number]]> {
    return rejecting(async () => {
      const core = use(this.#core);
      core.ensureOpen();
      if (core.kind !== "stream") throw new SocketError("EOPNOTSUPP", "accept() needs a SOCK_STREAM socket");
      const accepted = await tcp.accept(core);
      const conn = accepted[0];
      const addr = accepted[1];
      return [new Socket(AF_INET, SOCK_STREAM, conn), [addr[0], addr[1]]];
    });
  }

  connect(address: readonly [string, number]): Promise<void> {
    return rejecting(() => {
      const core = use(this.#core);
      core.ensureOpen();
      const addr = addressArg(address, "connect");
      if (core.kind !== "stream") throw new SocketError("EOPNOTSUPP", "connect() is simulated for SOCK_STREAM sockets only; use sendto()");
      return tcp.connect(core, addr);
    });
  }

  /** Up to `bufsize` bytes; an empty array means the peer closed (EOF). UDP: the next datagram. */
  recv(bufsize: number): Promise<Uint8Array> {
    return rejecting(async () => {
      const core = use(this.#core);
      core.ensureOpen();
      const n = sizeArg(bufsize, "recv");
      if (core.kind === "dgram") return (await udp.recvfrom(core, n))[0];
      return tcp.recv(core, n);
    });
  }

  /** Sends what the connection accepts now; resolves with that count (may be less than given). */
  send(data: Uint8Array): Promise<number> {
    return rejecting(() => {
      const core = use(this.#core);
      core.ensureOpen();
      const bytes = bytesArg(data, "send");
      if (core.kind === "dgram") throw new SocketError("EOPNOTSUPP", "send() on a UDP socket: use sendto(data, address)");
      return tcp.send(core, bytes);
    });
  }

  /** Sends every byte (calls send until done). */
  sendall(data: Uint8Array): Promise<void> {
    return rejecting(async () => {
      const bytes = bytesArg(data, "sendall");
      const length = TypedArrayPrototypeGetLength(bytes);
      let offset = 0;
      while (offset < length) offset += await this.send(viewBytes(bytes, offset));
    });
  }

  recvfrom(bufsize: number): Promise<[Uint8Array, [string, number]]> {
    return rejecting(async () => {
      const core = use(this.#core);
      core.ensureOpen();
      const n = sizeArg(bufsize, "recvfrom");
      if (core.kind === "stream") {
        const data = await tcp.recv(core, n);
        const peer = core.stream?.remote ?? [ANY, 0];
        return [data, [peer[0], peer[1]]];
      }
      const got = await udp.recvfrom(core, n);
      const from = got[1];
      return [got[0], [from[0], from[1]]];
    });
  }

  sendto(data: Uint8Array, address: readonly [string, number]): Promise<number> {
    return rejecting(() => {
      const core = use(this.#core);
      core.ensureOpen();
      const bytes = bytesArg(data, "sendto");
      const addr = addressArg(address, "sendto");
      if (core.kind === "stream") throw new SocketError("EISCONN", "sendto() on a TCP socket: use send()");
      return udp.sendto(core, bytes, addr);
    });
  }

  /** SHUT_RD, SHUT_WR (half-close: the peer's recv sees EOF, this side can still receive) or SHUT_RDWR. */
  shutdown(how: number): void {
    const core = use(this.#core);
    core.ensureOpen();
    if (core.kind !== "stream") throw new SocketError("ENOTCONN");
    tcp.shutdown(core, how);
  }

  close(): void {
    const core = use(this.#core);
    if (core.closed) return;
    core.closed = true;
    core.host.openSockets--;
    if (core.kind === "stream") tcp.closeTcp(core);
    else udp.closeUdp(core);
  }

  getsockname(): [string, number] {
    const local = use(this.#core).localAddress();
    return [local[0], local[1]];
  }

  getpeername(): [string, number] {
    const stream = use(this.#core).stream;
    if (stream === null || !stream.established) throw new SocketError("ENOTCONN");
    return [stream.remote[0], stream.remote[1]];
  }

  fileno(): number {
    return this.#core.closed ? -1 : this.#core.fd;
  }

  get closed(): boolean {
    return this.#core.closed;
  }
}

/** socket() with no arguments is a TCP socket, as in Python. */
export function socket(family: number = AF_INET, type: number = SOCK_STREAM): Socket {
  return new Socket(family, type);
}

/** Waits `ms` simulated milliseconds (time.sleep; nothing waits in real time). */
export function sleep(ms: number): Promise<void> {
  return activeNetwork().sleep(ms);
}

/** Simulated milliseconds since the scenario began. */
export function now(): number {
  return activeNetwork().now;
}
