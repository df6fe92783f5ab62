import { socket, AF_INET, SOCK_DGRAM } from "socket";

// recvfrom(1024): a longer datagram is cut to 1024 bytes.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(1024);
    await sock.sendto(data, addr);
  }
}
