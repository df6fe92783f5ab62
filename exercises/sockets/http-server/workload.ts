/**
 * Scenarios of sockets/http-server: the student's main() on 10.0.0.1:8000, simulated browsers.
 * `request` sends `raw` (in `pieces` sends `gapMs` apart) and returns everything the server
 * sent before closing the connection.
 */
import { main } from "student";
import type { Params, Socket, World } from "socket";

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
    if (chunk.length === 0) return text + decoder.decode();
    text += decoder.decode(chunk, { stream: true });
  }
}

async function send(net: World, sock: Socket, raw: string, pieces: number, gapMs: number): Promise<void> {
  const bytes = new TextEncoder().encode(raw);
  const size = Math.ceil(bytes.length / pieces);
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
    await send(net, sock, String(params.raw ?? "GET / HTTP/1.1\r\n\r\n"), Math.max(1, num(params, "pieces", 1)), num(params, "gapMs", 0));
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

// ---- Added by the content review (issue 12): browsers that leave early, long idle periods,
// many browsers on one host.
import { SHUT_WR } from "socket";

async function exchange(host: ReturnType<World["host"]>, raw: string, leaveEarly: boolean): Promise<string> {
  const sock = host.socket();
  await sock.connect([SERVER, PORT]);
  await sock.sendall(new TextEncoder().encode(raw));
  if (leaveEarly) sock.shutdown(SHUT_WR);
  const response = await readAll(sock);
  sock.close();
  return response;
}

export const reviewScenarios = {
  /**
   * From one host, one connection after another, `idleMs` apart: first a browser that sends
   * `truncated` (no blank line) and closes its side, then each of `requests`.
   */
  sequence: async (net: World, params: Params) => {
    startServer(net, params);
    await net.sleep(1);
    const idleMs = num(params, "idleMs", 0);
    const responses: string[] = [];
    const browser = net.host("10.0.0.2", "browser");
    if (typeof params.truncated === "string") responses.push(await exchange(browser, params.truncated, true));
    const requests = Array.isArray(params.requests) ? params.requests.map(String) : ["GET / HTTP/1.1\r\n\r\n"];
    for (const raw of requests) {
      if (idleMs > 0) await net.sleep(idleMs);
      responses.push(await exchange(browser, raw, false));
    }
    return responses;
  },

  /** `browsers` connections from one host at once: each sends half its request, then all finish in reverse order. */
  sameHost: async (net: World, params: Params) => {
    startServer(net, params);
    await net.sleep(1);
    const browsers = num(params, "browsers", 3);
    const host = net.host("10.0.0.2", "browsers");
    const socks = [];
    for (let i = 0; i < browsers; i++) {
      const sock = host.socket();
      await sock.connect([SERVER, PORT]);
      await sock.sendall(new TextEncoder().encode(`GET ${i % 2 === 0 ? "/" : `/page${i}`} HT`));
      socks.push(sock);
    }
    const answers: string[] = new Array<string>(browsers).fill("");
    for (let i = browsers - 1; i >= 0; i--) {
      const sock = socks[i]!;
      await sock.sendall(new TextEncoder().encode("TP/1.1\r\nHost: server\r\n\r\n"));
      answers[i] = (await readAll(sock)).split("\r\n")[0] ?? "";
      sock.close();
    }
    return answers;
  },
};
Object.assign(scenarios, reviewScenarios);

export const restartScenarios = {
  /** A previous server on the port just stopped (its connection is in TIME_WAIT); yours starts and answers. */
  restart: async (net: World, params: Params) => {
    const server = net.host(SERVER, "server");
    const old = server.socket();
    old.bind(["", PORT]);
    old.listen(1);
    const early = net.host("10.0.0.2", "browser");
    const first = early.socket();
    await first.connect([SERVER, PORT]);
    const [conn] = await old.accept();
    conn.close();
    old.close();
    await first.recv(10);
    first.close();
    const page = typeof params.page === "string" ? params.page : undefined;
    server.spawn("main() on the server", () => (page === undefined ? main(PORT) : main(PORT, page)));
    await net.sleep(1);
    return exchange(early, "GET / HTTP/1.1\r\n\r\n", false);
  },
};
Object.assign(scenarios, restartScenarios);
