import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Mutant: recvfrom(32768): datagrams up to 65507 bytes are cut.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(32768);
    await sock.sendto(data, addr);
  }
}
