import { socket } from "socket";

// Uses send() once: when it accepts only part of the message, the rest is never sent.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  await sock.connect([host, port]);
  await sock.send(new TextEncoder().encode(message));
  const decoder = new TextDecoder();
  let reply = "";
  for (;;) {
    const chunk = await sock.recv(1024);
    if (chunk.length === 0) break;
    reply += decoder.decode(chunk, { stream: true });
  }
  sock.close();
  return reply + decoder.decode();
}
