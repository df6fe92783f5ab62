import { socket, SOL_SOCKET, SO_REUSEADDR, type Socket } from "socket";

// Echoes the first recv() of each client and hangs up: one recv is taken for the whole message.
async function serve(conn: Socket): Promise<void> {
  try {
    const data = await conn.recv(4096);
    if (data.length > 0) await conn.sendall(data);
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
