/** Scenarios of sockets/tcp-echo-server: the student's main() on 10.0.0.1, simulated clients around it. */
import { main } from "student";
import type { Params, Socket, World } from "socket";

const PORT = 8888;
const SERVER = "10.0.0.1";

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const strings = (params: Params, key: string, fallback: string[]): string[] =>
  Array.isArray(params[key]) ? (params[key] as unknown[]).map(String) : fallback;

function startServer(net: World): void {
  net.host(SERVER, "server").spawn("main() on the server", () => main(PORT));
}

async function readExactly(sock: Socket, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let got = 0;
  while (got < n) {
    const chunk = await sock.recv(n - got);
    if (chunk.length === 0) break;
    out.set(chunk, got);
    got += chunk.length;
  }
  return out.subarray(0, got);
}

/** Sends `data` while reading the echo (a big message does not fit the window) and checks it. */
async function exchange(sock: Socket, data: Uint8Array, who: string): Promise<Uint8Array> {
  const sending = sock.sendall(data);
  const echoed = await readExactly(sock, data.length);
  await sending;
  if (echoed.length !== data.length) throw new Error(`${who} sent ${data.length} bytes and got back ${echoed.length} before the server closed the connection`);
  for (let i = 0; i < data.length; i++) {
    if (echoed[i] !== data[i]) throw new Error(`${who}: byte ${i} came back as ${echoed[i]}, sent ${data[i]}`);
  }
  return echoed;
}

async function client(net: World, ip: string, name: string): Promise<Socket> {
  const sock = net.host(ip, name).socket();
  await sock.connect([SERVER, PORT]);
  return sock;
}

async function expectEof(sock: Socket, who: string): Promise<void> {
  sock.shutdown(1);
  const rest = await sock.recv(100);
  if (rest.length !== 0) throw new Error(`${who} closed its side and received ${rest.length} more bytes instead of the end of the stream`);
  sock.close();
}

export const scenarios = {
  /** One client sends each message in turn and reads its echo. */
  echo: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const alice = await client(net, "10.0.0.2", "alice");
    const replies: string[] = [];
    for (const message of strings(params, "messages", ["hello"])) {
      replies.push(text(await exchange(alice, new TextEncoder().encode(message), "alice")));
    }
    await expectEof(alice, "alice");
    return replies;
  },

  /** `size` bytes of every value 0..255, more than the connection's window. */
  binary: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const size = typeof params.size === "number" ? params.size : 100_000;
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (i * 7 + 3) & 255;
    const bob = await client(net, "10.0.0.3", "bob");
    await exchange(bob, data, "bob");
    await expectEof(bob, "bob");
    return size;
  },

  /** Two clients connected at the same time, talking in turns. */
  twoAtOnce: async (net: World) => {
    startServer(net);
    await net.sleep(1);
    const alice = await client(net, "10.0.0.2", "alice");
    const bob = await client(net, "10.0.0.3", "bob");
    await exchange(alice, new TextEncoder().encode("alice 1"), "alice");
    await exchange(bob, new TextEncoder().encode("bob 1"), "bob (connected while alice still is)");
    await exchange(alice, new TextEncoder().encode("alice 2"), "alice");
    await expectEof(bob, "bob");
    await exchange(alice, new TextEncoder().encode("alice 3"), "alice");
    await expectEof(alice, "alice");
    return "ok";
  },

  /** Clients one after another; one of them hangs up abruptly without reading its echo. */
  oneAfterAnother: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const count = typeof params.clients === "number" ? params.clients : 3;
    const rude = await client(net, "10.0.0.9", "rude");
    await rude.sendall(new TextEncoder().encode("bye!"));
    rude.close();
    await net.sleep(5);
    for (let i = 0; i < count; i++) {
      const c = await client(net, `10.0.0.${10 + i}`, `client${i + 1}`);
      await exchange(c, new TextEncoder().encode(`message from client ${i + 1}`), `client${i + 1}`);
      await expectEof(c, `client${i + 1}`);
      await net.sleep(3);
    }
    return count;
  },

  /** A previous server on the port just stopped (its connections are in TIME_WAIT); yours starts. */
  restart: async (net: World) => {
    const server = net.host(SERVER, "server");
    const old = server.socket();
    old.bind(["", PORT]);
    old.listen(1);
    const early = await client(net, "10.0.0.2", "early");
    const [conn] = await old.accept();
    conn.close();
    old.close();
    await expectEof(early, "early");
    server.spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const late = await client(net, "10.0.0.3", "late");
    await exchange(late, new TextEncoder().encode("after the restart"), "late");
    await expectEof(late, "late");
    return "ok";
  },
};

// ---- Added by the content review (issue 12): long silences, many clients from one host.
export const reviewScenarios = {
  /**
   * A client stays connected and silent for `idleMs`, then talks; then nobody comes for `idleMs`;
   * then a client that resets its connection, and one more client.
   */
  idle: async (net: World, params: Params) => {
    const idleMs = typeof params.idleMs === "number" ? params.idleMs : 200_000;
    startServer(net);
    await net.sleep(1);
    const quiet = await client(net, "10.0.0.2", "quiet");
    await net.sleep(idleMs);
    await exchange(quiet, new TextEncoder().encode(`after ${idleMs} ms of silence`), `quiet (silent for ${idleMs} ms)`);
    await expectEof(quiet, "quiet");
    await net.sleep(idleMs);
    const rude = await client(net, "10.0.0.3", "rude");
    await rude.sendall(new TextEncoder().encode("bye!"));
    rude.close();
    await net.sleep(5);
    const late = await client(net, "10.0.0.4", "late");
    await exchange(late, new TextEncoder().encode(`after ${idleMs} ms without any client`), "late");
    await expectEof(late, "late");
    return "ok";
  },

  /** `clients` connections from one host at once, talking in an interleaved order. */
  sameHost: async (net: World, params: Params) => {
    const count = typeof params.clients === "number" ? params.clients : 4;
    startServer(net);
    await net.sleep(1);
    const host = net.host("10.0.0.2", "laptop");
    const socks: Socket[] = [];
    for (let i = 0; i < count; i++) {
      const sock = host.socket();
      await sock.connect([SERVER, PORT]);
      socks.push(sock);
    }
    for (let round = 0; round < 2; round++) {
      for (let i = count - 1; i >= 0; i--) await exchange(socks[i]!, new TextEncoder().encode(`connection ${i + 1}, round ${round + 1}`), `connection ${i + 1} of the laptop`);
    }
    for (let i = 0; i < count; i++) await expectEof(socks[i]!, `connection ${i + 1} of the laptop`);
    return count;
  },
};
Object.assign(scenarios, reviewScenarios);
