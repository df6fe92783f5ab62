import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Mutant: recvfrom(4096), a usual buffer size: a longer datagram is cut.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(4096);
    await sock.sendto(data, addr);
  }
}
