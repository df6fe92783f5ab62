import { socket, SOL_SOCKET, SO_REUSEADDR } from "socket";

// Serves clients one after the other: a second client waits until the first one leaves.
export async function main(port = 8888): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind(["", port]);
  server.listen(5);
  for (;;) {
    const [conn] = await server.accept();
    try {
      for (;;) {
        const data = await conn.recv(4096);
        if (data.length === 0) break;
        await conn.sendall(data);
      }
    } catch {
      // ignore
    }
    conn.close();
  }
}
