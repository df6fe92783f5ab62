/**
 * Scenarios of sockets/tcp-client: a simulated server on 10.0.0.1 reads the whole request,
 * answers with `reply` (in `pieces` sends, `gapMs` apart) and closes; the student's request()
 * runs on 10.0.0.2. The result is what request() returned (or the error it raised).
 */
import { request } from "student";
import type { Params, World } from "socket";

const SERVER = "10.0.0.1";
const PORT = 7777;

function str(params: Params, key: string, fallback: string): string {
  return typeof params[key] === "string" ? (params[key] as string) : fallback;
}
function num(params: Params, key: string, fallback: number): number {
  return typeof params[key] === "number" ? (params[key] as number) : fallback;
}

export const scenarios = {
  request: async (net: World, params: Params) => {
    const message = str(params, "message", "hello");
    const reply = new TextEncoder().encode(str(params, "reply", "HELLO"));
    const pieces = Math.max(1, num(params, "pieces", 1));
    const gapMs = num(params, "gapMs", 0);
    const server = net.host(SERVER, "server");
    const client = net.host("10.0.0.2", "student");
    const listener = server.socket();
    listener.bind(["", PORT]);
    listener.listen(5);
    let received = "";
    const serving = (async () => {
      const [conn] = await listener.accept();
      const expected = new TextEncoder().encode(message).length;
      const bytes: number[] = [];
      while (bytes.length < expected) {
        const chunk = await conn.recv(4096);
        if (chunk.length === 0) break;
        bytes.push(...chunk);
      }
      received = new TextDecoder().decode(Uint8Array.from(bytes));
      if (bytes.length < expected) throw new Error(`the server got ${bytes.length} of the ${expected} bytes of the request before the client closed`);
      const size = Math.ceil(reply.length / pieces);
      for (let i = 0; i < reply.length; i += size) {
        await conn.sendall(reply.subarray(i, i + size));
        if (gapMs > 0) await net.sleep(gapMs);
      }
      conn.close();
    })();
    const answer = await client.run(() => request(SERVER, PORT, message));
    await serving;
    if (received !== message) throw new Error(`the server received ${JSON.stringify(received)}, the message was ${JSON.stringify(message)}`);
    return answer;
  },

  /** Nobody listens on the port: request() must reject with the connection error. */
  refused: async (net: World) => {
    net.host(SERVER, "server");
    const client = net.host("10.0.0.2", "student");
    try {
      const answer = await client.run(() => request(SERVER, PORT, "anyone there?"));
      return { returned: answer };
    } catch (error) {
      return { raised: (error as { code?: string }).code ?? String(error) };
    }
  },
};

// ---- Added by the content review (issue 12): another server address, long pauses in the reply.
export const reviewScenarios = {
  /** Like `request`, with the server at `host`:`port`, a pause of `firstDelayMs` before the reply, and `gapMs` between its pieces. */
  requestTo: async (net: World, params: Params) => {
    const host = str(params, "host", "10.0.5.9");
    const port = num(params, "port", 4242);
    const message = str(params, "message", "hello");
    const reply = new TextEncoder().encode(str(params, "reply", "HELLO"));
    const pieces = Math.max(1, num(params, "pieces", 1));
    const gapMs = num(params, "gapMs", 0);
    const firstDelayMs = num(params, "firstDelayMs", 0);
    const server = net.host(`${host}/16`, "server");
    const client = net.host("10.0.0.2/16", "student");
    const listener = server.socket();
    listener.bind(["", port]);
    listener.listen(5);
    const serving = (async () => {
      const [conn] = await listener.accept();
      const expected = new TextEncoder().encode(message).length;
      let got = 0;
      while (got < expected) {
        const chunk = await conn.recv(4096);
        if (chunk.length === 0) throw new Error(`the server got ${got} of the ${expected} bytes of the request before the client closed`);
        got += chunk.length;
      }
      if (firstDelayMs > 0) await net.sleep(firstDelayMs);
      const size = Math.ceil(reply.length / pieces) || 1;
      for (let i = 0; i < reply.length; i += size) {
        await conn.sendall(reply.subarray(i, i + size));
        if (gapMs > 0 && i + size < reply.length) await net.sleep(gapMs);
      }
      conn.close();
    })();
    const answer = await client.run(() => request(host, port, message));
    await serving;
    return answer;
  },
};
Object.assign(scenarios, reviewScenarios);
