import { socket } from "socket";

// Mutant: sets a 10-second timeout, as the course's clients sometimes do: a reply with a longer pause fails.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  sock.settimeout(10);
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
    sock.close();
  }
}
