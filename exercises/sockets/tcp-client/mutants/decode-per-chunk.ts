import { socket } from "socket";

// Decodes each chunk on its own: a character whose bytes are split between chunks is garbled.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  await sock.connect([host, port]);
  await sock.sendall(new TextEncoder().encode(message));
  let reply = "";
  for (;;) {
    const chunk = await sock.recv(1024);
    if (chunk.length === 0) break;
    reply += new TextDecoder().decode(chunk);
  }
  sock.close();
  return reply;
}
