/** The `socket` platform module as the sandbox loads it into a student isolate. */
import type { PlatformModule } from "@autograder/shared";
import { buildRuntimeScript } from "./build/bundle.ts";
import { SOCKET_DECLARATIONS } from "./declarations.ts";

/** Names the student's `import ... from "socket"` may use (the runtime global also has `__drivers`). */
export const SOCKET_EXPORTS = [
  "socket",
  "Socket",
  "SocketError",
  "ERRNO",
  "sleep",
  "now",
  "AF_INET",
  "SOCK_STREAM",
  "SOCK_DGRAM",
  "SOL_SOCKET",
  "SO_REUSEADDR",
  "SO_BROADCAST",
  "SO_TYPE",
  "SO_RCVBUF",
  "SHUT_RD",
  "SHUT_WR",
  "SHUT_RDWR",
  "TextEncoder",
  "TextDecoder",
  "intrinsics",
  "primordials",
] as const;

export const socketModule: PlatformModule = {
  name: "socket",
  globalName: "__socket",
  exports: SOCKET_EXPORTS,
  runtimeScript: () => buildRuntimeScript("__socket"),
  lowerAsync: false,
  declarations: SOCKET_DECLARATIONS,
};
