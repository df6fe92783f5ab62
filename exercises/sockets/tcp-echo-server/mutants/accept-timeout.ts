// Mutant: the listening socket has a timeout: after two minutes without a new client, accept() raises and the server stops.
import { socket, SOL_SOCKET, SO_REUSEADDR, type Socket } from "socket";

/** Echoes everything one client sends until it closes its side. */
async function serve(conn: Socket): Promise<void> {
  try {
    for (;;) {
      const data = await conn.recv(4096);
      if (data.length === 0) break; // the client closed: EOF
      await conn.sendall(data);
    }
  } catch {
    // the client vanished (reset): nothing more to do for it
  } finally {
    conn.close();
  }
}

export async function main(port = 8888): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind(["", port]);
  server.listen(5);
  server.settimeout(120);
  for (;;) {
    const [conn] = await server.accept();
    void serve(conn); // do not wait: other clients are served at the same time
  }
}
