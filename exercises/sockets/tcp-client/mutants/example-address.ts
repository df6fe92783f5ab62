import { socket } from "socket";

// Mutant: connects to the example's address instead of its arguments.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  try {
    void host;
    void port;
    await sock.connect(["10.0.0.1", 7777]);
    await sock.sendall(new TextEncoder().encode(message));
    const decoder = new TextDecoder();
    let reply = "";
    for (;;) {
      const chunk = await sock.recv(1024);
      if (chunk.length === 0) break; // the server closed the connection
      reply += decoder.decode(chunk, { stream: true }); // keeps a character cut between chunks
    }
    return reply + decoder.decode();
  } finally {
    sock.close();
  }
}
