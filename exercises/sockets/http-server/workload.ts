/**
 * Scenarios of sockets/http-server: the student's main() on 10.0.0.1:8000, simulated browsers.
 * `request` sends `raw` (in `pieces` sends `gapMs` apart) and returns everything the server
 * sent before closing the connection.
 */
import { main } from "student";
import type { Params, Socket, World } from "socket";
// Checks use built-ins captured before the student's code ran, and the runtime's own UTF-8 codec.
import { TextDecoder, TextEncoder, primordials as P } from "socket";

const SERVER = "10.0.0.1";
const PORT = 8000;

function startServer(net: World, params: Params): void {
  const page = typeof params.page === "string" ? params.page : undefined;
  net.host(SERVER, "server").spawn("main() on the server", () => (page === undefined ? main(PORT) : main(PORT, page)));
}

async function readAll(sock: Socket): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const chunk = await sock.recv(4096);
    if (P.TypedArrayPrototypeGetLength(chunk) === 0) return text + decoder.decode();
    text += decoder.decode(chunk, { stream: true });
  }
}

async function send(net: World, sock: Socket, raw: string, pieces: number, gapMs: number): Promise<void> {
  const bytes = new TextEncoder().encode(raw);
  const size = P.MathCeil(bytes.length / pieces);
  for (let i = 0; i < bytes.length; i += size) {
    await sock.sendall(bytes.subarray(i, i + size));
    if (gapMs > 0 && i + size < bytes.length) await net.sleep(gapMs);
  }
}

const num = (params: Params, key: string, fallback: number): number => (typeof params[key] === "number" ? (params[key] as number) : fallback);

export const scenarios = {
  request: async (net: World, params: Params) => {
    startServer(net, params);
    await net.sleep(1);
    const sock = net.host("10.0.0.2", "browser").socket();
    await sock.connect([SERVER, PORT]);
    await send(net, sock, String(params.raw ?? "GET / HTTP/1.1\r\n\r\n"), P.MathMax(1, num(params, "pieces", 1)), num(params, "gapMs", 0));
    const response = await readAll(sock);
    sock.close();
    return response;
  },

  /** A slow browser sends half its request and waits; another one must be answered meanwhile. */
  slowAndFast: async (net: World, params: Params) => {
    startServer(net, params);
    await net.sleep(1);
    const slow = net.host("10.0.0.2", "slow").socket();
    await slow.connect([SERVER, PORT]);
    await slow.sendall(new TextEncoder().encode("GET / HT"));
    const fast = net.host("10.0.0.3", "fast").socket();
    await fast.connect([SERVER, PORT]);
    await fast.sendall(new TextEncoder().encode("GET /missing HTTP/1.1\r\nHost: server\r\n\r\n"));
    const fastAnswer = await readAll(fast);
    await slow.sendall(new TextEncoder().encode("TP/1.1\r\nHost: server\r\n\r\n"));
    const slowAnswer = await readAll(slow);
    return [fastAnswer.split("\r\n")[0], slowAnswer.split("\r\n")[0]];
  },
};
