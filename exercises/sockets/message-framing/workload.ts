/**
 * Scenarios of sockets/message-framing. `decode` and `oversize` run the student's FrameDecoder
 * in the student's isolate (no network); `server` runs main() on 10.0.0.1 with a client that
 * frames its messages itself and checks the reversed answers.
 */
import { FrameDecoder, main } from "student";
import type { Params, Socket, World } from "socket";
// Checks use built-ins captured before the student's code ran, and the runtime's own UTF-8 codec.
import { TextDecoder, TextEncoder, primordials as P } from "socket";

const SERVER = "10.0.0.1";
const PORT = 9000;

function frame(payload: Uint8Array): Uint8Array {
  const n = P.TypedArrayPrototypeGetLength(payload);
  const out = P.newUint8Array(4 + n);
  out[0] = (n >>> 24) & 255;
  out[1] = (n >>> 16) & 255;
  out[2] = (n >>> 8) & 255;
  out[3] = n & 255;
  P.TypedArrayPrototypeSet(out, payload, 4);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (let i = 0; i < parts.length; i++) total += P.TypedArrayPrototypeGetLength(parts[i] as Uint8Array);
  const out = P.newUint8Array(total);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Uint8Array;
    P.TypedArrayPrototypeSet(out, p, at);
    at += P.TypedArrayPrototypeGetLength(p);
  }
  return out;
}

/** `bytes` in reverse order (the expected answer), without the patchable TypedArray methods. */
function reversed(bytes: Uint8Array): Uint8Array {
  const n = P.TypedArrayPrototypeGetLength(bytes);
  const out = P.newUint8Array(n);
  for (let i = 0; i < n; i++) out[i] = bytes[n - 1 - i] as number;
  return out;
}

const payloads = (params: Params): string[] => (Array.isArray(params.frames) ? (params.frames as unknown[]).map(String) : ["hello"]);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Cuts `stream` into chunks of the sizes in `sizes` (cycled); 0 means "all the rest". */
/** "5 bytes: 00 00 00 01 61" (the first 24 bytes). */
function hexOf(chunk: Uint8Array): string {
  const n = P.TypedArrayPrototypeGetLength(chunk);
  let out = "";
  for (let i = 0; i < n && i < 24; i++) out += `${i === 0 ? "" : " "}${((chunk[i] as number) < 16 ? "0" : "") + (chunk[i] as number).toString(16)}`;
  return `${n} byte${n === 1 ? "" : "s"}${n > 0 ? `: ${out}${n > 24 ? " …" : ""}` : ""}`;
}

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
  let buffer: Uint8Array = P.newUint8Array(0);
  const frames: Uint8Array[] = new P.SafeArray();
  while (frames.length < count) {
    const chunk = await sock.recv(4096);
    if (P.TypedArrayPrototypeGetLength(chunk) === 0) throw new Error(`the server closed the connection after ${frames.length} of ${count} answers`);
    buffer = concat(P.safeArrayOf([buffer, chunk]));
    while (P.TypedArrayPrototypeGetLength(buffer) >= 4) {
      const n = (((buffer[0] as number) << 24) | ((buffer[1] as number) << 16) | ((buffer[2] as number) << 8) | (buffer[3] as number)) >>> 0;
      const have = P.TypedArrayPrototypeGetLength(buffer);
      if (have < 4 + n) break;
      frames.push(P.copyBytes(buffer, 4, 4 + n));
      buffer = P.copyBytes(buffer, 4 + n, have);
    }
  }
  return frames;
}

export const scenarios = {
  /** Pushes the framed payloads into one FrameDecoder in chunks of `sizes` bytes. */
  decode: (net: World, params: Params) => {
    const sizes = Array.isArray(params.sizes) ? (params.sizes as number[]) : [0];
    const stream = concat(payloads(params).map((p) => frame(new TextEncoder().encode(p))));
    const decoder = new FrameDecoder();
    const got: string[] = [];
    const chunks = chunked(stream, sizes);
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k] as Uint8Array;
      const before = got.length;
      for (const f of decoder.push(chunk)) got.push(text(f));
      // Nothing crosses a network here: the picture lists the chunks the decoder was fed.
      net.note(`chunk ${k + 1} of ${chunks.length}: ${hexOf(chunk)} -> ${got.length - before} frame(s)`);
    }
    return got;
  },

  /** A header declaring `declared` bytes: over 1 MiB must throw a RangeError. */
  oversize: (_net: World, params: Params) => {
    const declared = typeof params.declared === "number" ? params.declared : 2 * 1024 * 1024;
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, declared);
    try {
      const frames = new FrameDecoder().push(concat([header, new Uint8Array(P.MathMin(declared, 16))]));
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
    const got: string[] = new P.SafeArray();
    for (let i = 0; i < answers.length; i++) got.push(text(answers[i] as Uint8Array));
    for (let i = 0; i < sent.length; i++) {
      const want = text(reversed(sent[i] as Uint8Array));
      if (got[i] !== want) throw new Error(`answer ${i + 1} is ${P.JSONStringify(got[i])}, expected the payload reversed: ${P.JSONStringify(want)}`);
    }
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
