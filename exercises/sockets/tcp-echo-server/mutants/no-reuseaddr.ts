import { socket, type Socket } from "socket";

// Forgets SO_REUSEADDR: cannot restart while old connections on the port are in TIME_WAIT.
async function serve(conn: Socket): Promise<void> {
  try {
    for (;;) {
      const data = await conn.recv(4096);
      if (data.length === 0) break;
      await conn.sendall(data);
    }
  } catch {
    // ignore
  } finally {
    conn.close();
  }
}

export async function main(port = 8888): Promise<void> {
  const server = socket();
  server.bind(["", port]);
  server.listen(5);
  for (;;) {
    const [conn] = await server.accept();
    void serve(conn);
  }
}
