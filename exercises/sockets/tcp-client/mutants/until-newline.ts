import { socket } from "socket";

// Stops at the first newline instead of reading until the server closes.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  await sock.connect([host, port]);
  await sock.sendall(new TextEncoder().encode(message));
  const decoder = new TextDecoder();
  let reply = "";
  for (;;) {
    const chunk = await sock.recv(1024);
    if (chunk.length === 0) break;
    reply += decoder.decode(chunk, { stream: true });
    if (reply.includes("\n")) break;
  }
  sock.close();
  return reply;
}
