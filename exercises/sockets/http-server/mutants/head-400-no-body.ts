// Mutant: a malformed request line starting with HEAD gets its 400 without the body.
import { socket, SOL_SOCKET, SO_REUSEADDR, type Socket } from "socket";

const DEFAULT_PAGE = "<html><body><h1>Welcome</h1></body></html>";
const REASONS: Record<number, string> = { 200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed" };
const BODIES: Record<number, string> = { 404: "<h1>Sorry...</h1>", 400: "<h1>Bad Request</h1>", 405: "<h1>Method Not Allowed</h1>" };

/** Reads until the blank line that ends the request head; null if the client left before. */
async function readHead(conn: Socket): Promise<string | null> {
  const decoder = new TextDecoder();
  let head = "";
  while (!head.includes("\r\n\r\n")) {
    const chunk = await conn.recv(1024);
    if (chunk.length === 0) return null;
    head += decoder.decode(chunk, { stream: true });
  }
  return head.slice(0, head.indexOf("\r\n\r\n"));
}

function respond(head: string, page: string): Uint8Array {
  const encoder = new TextEncoder();
  const parts = (head.split("\r\n")[0] ?? "").split(" ");
  const [method = "", path = "", version = ""] = parts;
  let status: number;
  if (parts.length !== 3 || method === "" || path === "" || !version.startsWith("HTTP/")) status = 400;
  else if (method !== "GET" && method !== "HEAD") status = 405;
  else status = path === "/" ? 200 : 404;
  const body = encoder.encode(status === 200 ? page : (BODIES[status] ?? ""));
  let response = `HTTP/1.1 ${status} ${REASONS[status]}\r\n`;
  response += "Content-Type: text/html\r\n";
  response += `Content-Length: ${body.length}\r\n`;
  if (status === 405) response += "Allow: GET, HEAD\r\n";
  response += "\r\n";
  const headBytes = encoder.encode(response);
  if (method === "HEAD" && status !== 405) return headBytes; // (mutant: a malformed HEAD line loses its 400 body)
  const out = new Uint8Array(headBytes.length + body.length);
  out.set(headBytes, 0);
  out.set(body, headBytes.length);
  return out;
}

async function handle(conn: Socket, page: string): Promise<void> {
  try {
    const head = await readHead(conn);
    if (head !== null) await conn.sendall(respond(head, page));
  } catch {
    // the browser went away
  } finally {
    conn.close();
  }
}

export async function main(port = 8000, indexHtml = DEFAULT_PAGE): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind(["", port]);
  server.listen(5);
  for (;;) {
    const [conn] = await server.accept();
    void handle(conn, indexHtml);
  }
}
