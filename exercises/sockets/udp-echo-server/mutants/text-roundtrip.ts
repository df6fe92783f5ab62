import { socket, AF_INET, SOCK_DGRAM } from "socket";

// Decodes to text and encodes again: bytes that are not valid UTF-8 change.
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(65535);
    const text = new TextDecoder().decode(data);
    await sock.sendto(new TextEncoder().encode(text), addr);
  }
}
