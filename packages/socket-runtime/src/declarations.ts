/** TypeScript declarations of the `socket` module, for the editor and for type-checking. */
export const SOCKET_DECLARATIONS = `declare module "socket" {
  /** A [host, port] pair, like Python's address tuples: ["10.0.0.1", 8888]. */
  export type Address = readonly [host: string, port: number];

  export const AF_INET: number;
  /** TCP: an ordered byte stream with no message boundaries. */
  export const SOCK_STREAM: number;
  /** UDP: datagrams, boundaries kept, no delivery guarantee. */
  export const SOCK_DGRAM: number;
  export const SOL_SOCKET: number;
  /** Lets bind() reuse a port still held by closed or accepted connections (TIME_WAIT). */
  export const SO_REUSEADDR: number;
  /** Needed to send to a broadcast address (else EACCES). */
  export const SO_BROADCAST: number;
  export const SO_TYPE: number;
  export const SO_RCVBUF: number;
  export const SHUT_RD: number;
  export const SHUT_WR: number;
  export const SHUT_RDWR: number;

  export type ErrorCode =
    | "EPERM" | "EBADF" | "EAGAIN" | "EACCES" | "EINVAL" | "EPIPE" | "EMSGSIZE" | "EOPNOTSUPP"
    | "EADDRINUSE" | "EADDRNOTAVAIL" | "ENETUNREACH" | "ECONNRESET" | "EISCONN" | "ENOTCONN"
    | "ETIMEDOUT" | "ECONNREFUSED" | "EHOSTUNREACH" | "EALREADY";

  /** Python's OSError family: ConnectionRefusedError is code "ECONNREFUSED", BrokenPipeError "EPIPE"... */
  export class SocketError extends Error {
    readonly code: ErrorCode;
    readonly errno: number;
  }

  export const ERRNO: Readonly<Record<ErrorCode, number>>;

  export class Socket {
    constructor(family?: number, type?: number);
    readonly family: number;
    readonly type: number;
    readonly closed: boolean;
    /** setsockopt(SOL_SOCKET, SO_REUSEADDR, 1). Synchronous; throws SocketError. */
    setsockopt(level: number, option: number, value: number | boolean): void;
    getsockopt(level: number, option: number): number;
    /** bind(["", 8888]): "" or "0.0.0.0" is every address of the host; port 0 picks a free port. Throws EADDRINUSE. */
    bind(address: Address): void;
    /** listen(5): at most that many connections wait for accept(). */
    listen(backlog?: number): void;
    /** Waits for a client: the connection's socket and the client's address. */
    accept(): Promise<[Socket, [string, number]]>;
    /** Rejects with ECONNREFUSED when nobody listens there. */
    connect(address: Address): Promise<void>;
    /** Up to bufsize bytes as they arrived (maybe part of a message, maybe several). Length 0: the peer closed. */
    recv(bufsize: number): Promise<Uint8Array>;
    /** Sends what fits now; resolves with that count, which may be less than data.length. */
    send(data: Uint8Array): Promise<number>;
    /** Sends every byte. EPIPE / ECONNRESET when the peer is gone. */
    sendall(data: Uint8Array): Promise<void>;
    /** UDP: the next datagram (cut to bufsize bytes) and its sender's address. */
    recvfrom(bufsize: number): Promise<[Uint8Array, [string, number]]>;
    /** UDP: sends one datagram; to a broadcast address only with SO_BROADCAST set. */
    sendto(data: Uint8Array, address: Address): Promise<number>;
    /** Half-close with SHUT_WR: the peer's recv sees EOF, this side can still receive. */
    shutdown(how: number): void;
    close(): void;
    getsockname(): [string, number];
    getpeername(): [string, number];
    fileno(): number;
    /** Seconds of simulated time before waits fail with ETIMEDOUT; null waits for ever; 0 never waits (EAGAIN). */
    settimeout(seconds: number | null): void;
    gettimeout(): number | null;
    setblocking(flag: boolean): void;
  }

  /** socket() with no arguments is TCP: socket(AF_INET, SOCK_STREAM). */
  export function socket(family?: number, type?: number): Socket;
  /** Waits ms simulated milliseconds (nothing waits in real time). */
  export function sleep(ms: number): Promise<void>;
  /** Simulated milliseconds since the scenario began. */
  export function now(): number;

  // ---- For workload.ts (the exercise's scenarios), not for students. ----

  export interface ProcessRecord {
    readonly label: string;
    readonly state: "running" | "returned" | "raised";
  }

  /** UTF-8 only; the same as the global TextEncoder/TextDecoder of the isolate. */
  export const TextEncoder: { new (): { readonly encoding: string; encode(input?: string): Uint8Array } };
  export const TextDecoder: {
    new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): { readonly encoding: string; decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string };
  };
  /** The isolate's global constructors as they were before any student code ran (for workload.ts). */
  export const intrinsics: Readonly<{
    Array: ArrayConstructor; ArrayBuffer: ArrayBufferConstructor; Boolean: BooleanConstructor; Error: ErrorConstructor;
    JSON: JSON; Map: MapConstructor; Math: Math; Number: NumberConstructor; Object: ObjectConstructor;
    Promise: PromiseConstructor; RangeError: RangeErrorConstructor; Reflect: typeof Reflect; Set: SetConstructor;
    String: StringConstructor; Symbol: SymbolConstructor; TypeError: TypeErrorConstructor; Uint8Array: Uint8ArrayConstructor;
    WeakMap: WeakMapConstructor;
  }>;
  /** Built-ins captured before any student code ran (for workload.ts; see @autograder/shared/primordials). */
  export const primordials: { readonly [name: string]: any };

  export interface HostHandle {
    readonly ip: string;
    readonly name: string;
    /** The subnet's broadcast address. */
    readonly broadcast: string;
    /** A socket on this host, for a simulated peer. */
    socket(type?: number): Socket;
    /** Sockets on this host (the workload's and the student's) not closed yet. */
    openSockets(): number;
    /** Runs fn as this host's code (sockets it creates belong to this host); resolves with its result. */
    run<T>(fn: () => T | Promise<T>): Promise<T>;
    /** Starts fn in the background as this host's code; if it raises, the scenario fails. */
    spawn(label: string, fn: () => unknown): ProcessRecord;
  }

  export interface World {
    /** "10.0.0.2" (a /24) or "10.0.0.2/16"; the first host is where code not started on a host runs. */
    host(cidr: string, name?: string): HostHandle;
    sleep(ms: number): Promise<void>;
    now(): number;
    readonly seed: string;
    /** [0, 1) from the run's seed. */
    random(): number;
    note(text: string): void;
  }

  export type Params = Record<string, unknown>;
  /** A scenario: throw an Error to fail; the resolved value is the report's result. */
  export type Scenario = (net: World, params: Params) => unknown;
}
`;
