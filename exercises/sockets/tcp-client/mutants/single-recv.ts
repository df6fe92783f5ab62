import { socket } from "socket";

// Reads once: takes the first segment for the whole reply.
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  await sock.connect([host, port]);
  await sock.sendall(new TextEncoder().encode(message));
  const data = await sock.recv(4096);
  sock.close();
  return new TextDecoder().decode(data);
}
