import { socket, SOL_SOCKET, SO_REUSEADDR } from "socket";

// Serves its first client, then returns: the course's loop without the outer `while True`.
export async function main(port = 8888): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind(["", port]);
  server.listen(5);
  const [conn] = await server.accept();
  for (;;) {
    const data = await conn.recv(4096);
    if (data.length === 0) break;
    await conn.sendall(data);
  }
  conn.close();
  server.close();
}
