/** Errors of the `socket` module: Python's OSError family, told apart by `code`. */
import { ErrorCtor, ObjectDefineProperty } from "@autograder/shared/primordials";

export const ERRNO = {
  EPERM: 1,
  EBADF: 9,
  EAGAIN: 11,
  EACCES: 13,
  EINVAL: 22,
  EPIPE: 32,
  EMSGSIZE: 90,
  EOPNOTSUPP: 95,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  ENETUNREACH: 101,
  ECONNRESET: 104,
  EISCONN: 106,
  ENOTCONN: 107,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
  EHOSTUNREACH: 113,
  EALREADY: 114,
} as const;

export type ErrorCode = keyof typeof ERRNO;

const MESSAGES: Record<ErrorCode, string> = {
  EPERM: "Operation not permitted",
  EBADF: "Bad file descriptor",
  EAGAIN: "Resource temporarily unavailable",
  EACCES: "Permission denied",
  EINVAL: "Invalid argument",
  EPIPE: "Broken pipe",
  EMSGSIZE: "Message too long",
  EOPNOTSUPP: "Operation not supported",
  EADDRINUSE: "Address already in use",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ENETUNREACH: "Network is unreachable",
  ECONNRESET: "Connection reset by peer",
  EISCONN: "Transport endpoint is already connected",
  ENOTCONN: "Transport endpoint is not connected",
  ETIMEDOUT: "timed out",
  ECONNREFUSED: "Connection refused",
  EHOSTUNREACH: "No route to host",
  EALREADY: "Operation already in progress",
};

/** `err.code` is the errno name ("ECONNREFUSED"), `err.errno` its Linux number. */
export class SocketError extends ErrorCtor {
  declare readonly code: ErrorCode;
  declare readonly errno: number;

  constructor(code: ErrorCode, detail?: string) {
    super(`[Errno ${ERRNO[code]}] ${MESSAGES[code]}${detail === undefined ? "" : `: ${detail}`}`);
    // Defined, not assigned: assignment fails once the realm's Error.prototype is frozen.
    ObjectDefineProperty(this, "name", { value: "SocketError", writable: true, enumerable: false, configurable: true });
    ObjectDefineProperty(this, "code", { value: code, writable: false, enumerable: true, configurable: false });
    ObjectDefineProperty(this, "errno", { value: ERRNO[code], writable: false, enumerable: true, configurable: false });
  }
}
