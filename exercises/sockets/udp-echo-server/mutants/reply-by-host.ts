import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Mutant: remembers each client by its host address only: a second socket on the same host gets the first one's answers.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  const clients = new Map<string, [string, number]>();
  for (;;) {
    const [data, addr] = await sock.recvfrom(65535); // big enough for any datagram: nothing is cut
    if (!clients.has(addr[0])) clients.set(addr[0], addr);
    await sock.sendto(data, clients.get(addr[0])!);
  }
}
