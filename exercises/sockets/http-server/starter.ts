import { socket, SOL_SOCKET, SO_REUSEADDR } from "socket";

/** A tiny HTTP server: GET / answers the page, anything else 404 (see the statement). */
export async function main(port = 8000, indexHtml = "<html><body><h1>Welcome</h1></body></html>"): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  // TODO: bind, listen, accept browsers, read each request and answer it.
  void server;
  void port;
  void indexHtml;
}
