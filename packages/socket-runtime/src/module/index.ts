/** The student-facing `socket` module. */
export { socket, Socket, sleep, now } from "./socket.ts";
export { SocketError, ERRNO, type ErrorCode } from "./errors.ts";
export { AF_INET, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR, SO_BROADCAST, SO_TYPE, SO_RCVBUF, SHUT_RD, SHUT_WR, SHUT_RDWR } from "./constants.ts";
// The runtime's own UTF-8 codec (frozen) and the realm's globals as they were at load: a
// workload imports these instead of using globals the student's code could replace.
export { Utf8TextEncoder as TextEncoder, Utf8TextDecoder as TextDecoder } from "../polyfill/utf8.ts";
export { intrinsics } from "@autograder/shared/primordials";
// Built-ins captured at load, for workload checks (Node core's primordials pattern).
export * as primordials from "@autograder/shared/primordials";
