import { socket, SOL_SOCKET, SO_REUSEADDR, type Socket } from "socket";

// Uses send() and ignores how many bytes it accepted: the rest is lost.
async function serve(conn: Socket): Promise<void> {
  try {
    for (;;) {
      const data = await conn.recv(4096);
      if (data.length === 0) break;
      await conn.send(data);
    }
  } catch {
    // ignore
  } finally {
    conn.close();
  }
}

export async function main(port = 8888): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind(["", port]);
  server.listen(5);
  for (;;) {
    const [conn] = await server.accept();
    void serve(conn);
  }
}
