import { socket, AF_INET, SOCK_DGRAM } from "socket";

/** Sends every datagram back to its sender, unchanged. Serves forever. */
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(65535); // big enough for any datagram: nothing is cut
    await sock.sendto(data, addr);
  }
}
