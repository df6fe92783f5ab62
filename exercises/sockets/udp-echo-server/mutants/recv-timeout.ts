import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Mutant: the server socket has a timeout: after two minutes without a datagram, recvfrom raises and the server stops.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  sock.settimeout(120);
  for (;;) {
    const [data, addr] = await sock.recvfrom(65535); // big enough for any datagram: nothing is cut
    await sock.sendto(data, addr);
  }
}
