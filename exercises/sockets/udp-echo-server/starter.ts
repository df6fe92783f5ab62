import { socket, AF_INET, SOCK_DGRAM } from "socket";

/** Sends every datagram back to its sender, unchanged. Serves forever. */
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  // TODO: bind to ["", port], then receive datagrams and send each one back.
  void sock;
  void port;
}
