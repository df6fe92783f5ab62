import { socket, SOL_SOCKET, SO_REUSEADDR } from "socket";

/** Serve forever: accept clients and send back every byte each one sends. */
export async function main(port = 8888): Promise<void> {
  const server = socket();
  // TODO: allow the port to be reused, bind to ["", port], listen, accept clients...
  void server;
  void SOL_SOCKET;
  void SO_REUSEADDR;
  void port;
}
