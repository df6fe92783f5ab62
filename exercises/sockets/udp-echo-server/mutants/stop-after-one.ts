import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Answers one datagram and returns.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  const [data, addr] = await sock.recvfrom(65535);
  await sock.sendto(data, addr);
  sock.close();
}
