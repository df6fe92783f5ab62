/**
 * Scenarios of sockets/message-framing. `decode` and `oversize` run the student's FrameDecoder
 * in the student's isolate (no network); `server` runs main() on 10.0.0.1 with a client that
 * frames its messages itself and checks the reversed answers.
 */
import { FrameDecoder, main } from "student";
import type { Params, Socket, World } from "socket";

const SERVER = "10.0.0.1";
const PORT = 9000;

function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length);
  out.set(payload, 4);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const payloads = (params: Params): string[] => (Array.isArray(params.frames) ? (params.frames as unknown[]).map(String) : ["hello"]);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Cuts `stream` into chunks of the sizes in `sizes` (cycled); 0 means "all the rest". */
function chunked(stream: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (let k = 0; at < stream.length; k++) {
    const size = sizes[k % sizes.length] || stream.length;
    out.push(stream.slice(at, at + size));
    at += size;
  }
  return out;
}

/** Reads frames with a decoder of our own (so the server is judged alone). */
async function readFrames(sock: Socket, count: number): Promise<Uint8Array[]> {
  let buffer: Uint8Array = new Uint8Array(0);
  const frames: Uint8Array[] = [];
  while (frames.length < count) {
    const chunk = await sock.recv(4096);
    if (chunk.length === 0) throw new Error(`the server closed the connection after ${frames.length} of ${count} answers`);
    buffer = concat([buffer, chunk]);
    while (buffer.length >= 4) {
      const n = new DataView(buffer.buffer, buffer.byteOffset).getUint32(0);
      if (buffer.length < 4 + n) break;
      frames.push(buffer.slice(4, 4 + n));
      buffer = buffer.slice(4 + n);
    }
  }
  return frames;
}

export const scenarios = {
  /** Pushes the framed payloads into one FrameDecoder in chunks of `sizes` bytes. */
  decode: (_net: World, params: Params) => {
    const sizes = Array.isArray(params.sizes) ? (params.sizes as number[]) : [0];
    const stream = concat(payloads(params).map((p) => frame(new TextEncoder().encode(p))));
    const decoder = new FrameDecoder();
    const got: string[] = [];
    for (const chunk of chunked(stream, sizes)) for (const f of decoder.push(chunk)) got.push(text(f));
    return got;
  },

  /** A header declaring `declared` bytes: over 1 MiB must throw a RangeError. */
  oversize: (_net: World, params: Params) => {
    const declared = typeof params.declared === "number" ? params.declared : 2 * 1024 * 1024;
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, declared);
    try {
      const frames = new FrameDecoder().push(concat([header, new Uint8Array(Math.min(declared, 16))]));
      return { returned: frames.length };
    } catch (error) {
      return { raised: error instanceof RangeError ? "RangeError" : String((error as Error).name) };
    }
  },

  /** Sends every frame (in `sends` sends: 1 = all at once), reads the answers. */
  server: async (net: World, params: Params) => {
    net.host(SERVER, "server").spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const sock = net.host("10.0.0.2", "client").socket();
    await sock.connect([SERVER, PORT]);
    const sent = payloads(params).map((p) => new TextEncoder().encode(p));
    const together = params.together === true;
    const writing = together ? sock.sendall(concat(sent.map(frame))) : (async () => { for (const p of sent) await sock.sendall(frame(p)); })();
    const answers = await readFrames(sock, sent.length);
    await writing;
    sock.close();
    const got = answers.map(text);
    sent.forEach((p, i) => {
      const want = text(p.slice().reverse());
      if (got[i] !== want) throw new Error(`answer ${i + 1} is ${JSON.stringify(got[i])}, expected the payload reversed: ${JSON.stringify(want)}`);
    });
    return got;
  },
};

// ---- Added by the content review (issue 12): several clients at once (one host or many),
// the connection closed after the client's side, long idle periods, a restart on a busy port.
import { SHUT_WR } from "socket";

async function expectAnswersThenEof(sock: Socket, sent: Uint8Array[], who: string): Promise<string[]> {
  const answers = (await readFrames(sock, sent.length)).map(text);
  sent.forEach((p, i) => {
    const want = text(p.slice().reverse());
    if (answers[i] !== want) throw new Error(`${who}: answer ${i + 1} is ${JSON.stringify(answers[i])}, expected ${JSON.stringify(want)}`);
  });
  sock.shutdown(SHUT_WR);
  const rest = await sock.recv(100);
  if (rest.length !== 0) throw new Error(`${who} closed its side and received ${rest.length} more bytes instead of the end of the stream`);
  sock.close();
  return answers;
}

export const reviewScenarios = {
  /**
   * `clients` clients connect at once (all from one host if `sameHost`), each sends the start of
   * its frames, then they all finish in reverse order; each reads its answers and closes its side,
   * and the server must close the connection. After `idleMs` of silence, one more client.
   */
  clients: async (net: World, params: Params) => {
    net.host(SERVER, "server").spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const count = typeof params.clients === "number" ? params.clients : 3;
    const idleMs = typeof params.idleMs === "number" ? params.idleMs : 0;
    const shared = params.sameHost === true ? net.host("10.0.0.2", "laptop") : undefined;
    const socks: Socket[] = [];
    const streams: Uint8Array[] = [];
    const sent: Uint8Array[][] = [];
    for (let i = 0; i < count; i++) {
      const sock = (shared ?? net.host(`10.0.0.${2 + i}`, `client${i + 1}`)).socket();
      await sock.connect([SERVER, PORT]);
      const mine = [`client ${i + 1} says hi`, `and ${"more ".repeat(i + 1)}`].map((p) => new TextEncoder().encode(p));
      sent.push(mine);
      streams.push(concat(mine.map(frame)));
      await sock.sendall(streams[i]!.slice(0, 3));
      socks.push(sock);
    }
    for (let i = count - 1; i >= 0; i--) await socks[i]!.sendall(streams[i]!.slice(3));
    const answers: string[][] = [];
    for (let i = 0; i < count; i++) answers.push(await expectAnswersThenEof(socks[i]!, sent[i]!, `client ${i + 1}`));
    if (idleMs > 0) {
      await net.sleep(idleMs);
      const late = (shared ?? net.host("10.0.0.99", "late")).socket();
      await late.connect([SERVER, PORT]);
      const mine = [new TextEncoder().encode(`${idleMs} ms later`)];
      await late.sendall(frame(mine[0]!));
      answers.push(await expectAnswersThenEof(late, mine, `a client ${idleMs} ms later`));
    }
    return answers;
  },

  /** A previous server on the port just stopped (its connection is in TIME_WAIT); yours starts. */
  restart: async (net: World) => {
    const server = net.host(SERVER, "server");
    const old = server.socket();
    old.bind(["", PORT]);
    old.listen(1);
    const early = net.host("10.0.0.2", "early").socket();
    await early.connect([SERVER, PORT]);
    const [conn] = await old.accept();
    conn.close();
    old.close();
    await early.recv(10);
    early.close();
    server.spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const late = net.host("10.0.0.3", "late").socket();
    await late.connect([SERVER, PORT]);
    const mine = [new TextEncoder().encode("after the restart")];
    await late.sendall(frame(mine[0]!));
    return expectAnswersThenEof(late, mine, "late");
  },
};
Object.assign(scenarios, reviewScenarios);
