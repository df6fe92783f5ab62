/** The student-facing `socket` module. */
export { socket, Socket, sleep, now } from "./socket.ts";
export { SocketError, ERRNO, type ErrorCode } from "./errors.ts";
export { AF_INET, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR, SO_BROADCAST, SO_TYPE, SO_RCVBUF, SHUT_RD, SHUT_WR, SHUT_RDWR } from "./constants.ts";
