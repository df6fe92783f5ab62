import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Remembers the first sender and answers everybody there.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  let first: [string, number] | null = null;
  for (;;) {
    const [data, addr] = await sock.recvfrom(65535);
    first ??= addr;
    await sock.sendto(data, first);
  }
}
