import { socket } from "socket";

// Mutant: never closes its socket.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  try {
    await sock.connect([host, port]);
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
    // forgot sock.close()
  }
}
