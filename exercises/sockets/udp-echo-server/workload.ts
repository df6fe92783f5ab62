/** Scenarios of sockets/udp-echo-server: the student's main() on 10.0.0.1, UDP clients around it. */
import { main } from "student";
import { SOCK_DGRAM, type Params, type Socket, type World } from "socket";

const SERVER = "10.0.0.1";
const PORT = 8888;

function startServer(net: World): void {
  net.host(SERVER, "server").spawn("main() on the server", () => main(PORT));
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function datagramsOf(params: Params): Uint8Array[] {
  if (Array.isArray(params.sizes)) {
    return (params.sizes as number[]).map((size, k) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + k * 7 + 200) & 255));
  }
  const messages = Array.isArray(params.messages) ? (params.messages as unknown[]).map(String) : ["hello"];
  return messages.map((m) => new TextEncoder().encode(m));
}

async function receive(sock: Socket, who: string): Promise<Uint8Array> {
  try {
    const [data, from] = await sock.recvfrom(65535);
    if (from[0] !== SERVER || from[1] !== PORT) throw new Error(`${who} got a datagram from ${from.join(":")}, not from the server ${SERVER}:${PORT}`);
    return data;
  } catch (error) {
    if ((error as { code?: string }).code === "ETIMEDOUT") throw new Error(`${who} waited 1 s for an answer that never came`);
    throw error;
  }
}

function udpClient(net: World, ip: string, name: string): Socket {
  const sock = net.host(ip, name).socket(SOCK_DGRAM);
  sock.settimeout(1);
  return sock;
}

export const scenarios = {
  /** Sends every datagram at once, then reads the answers: same boundaries, same bytes. */
  burst: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const alice = udpClient(net, "10.0.0.2", "alice");
    const sent = datagramsOf(params);
    for (const d of sent) await alice.sendto(d, [SERVER, PORT]);
    const lengths: number[] = [];
    for (let i = 0; i < sent.length; i++) {
      const got = await receive(alice, "alice");
      const want = sent[i] as Uint8Array;
      if (!same(got, want)) throw new Error(`answer ${i + 1}: ${got.length} bytes came back for a datagram of ${want.length} bytes${got.length === want.length ? " (different bytes)" : ""}`);
      lengths.push(got.length);
    }
    return lengths;
  },

  /** One datagram at a time, `count` times. */
  pingPong: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const count = typeof params.count === "number" ? params.count : 5;
    const bob = udpClient(net, "10.0.0.3", "bob");
    for (let i = 0; i < count; i++) {
      const d = new TextEncoder().encode(`ping ${i}`);
      await bob.sendto(d, [SERVER, PORT]);
      if (!same(await receive(bob, "bob"), d)) throw new Error(`ping ${i} came back changed`);
      await net.sleep(10);
    }
    return count;
  },

  /** Two clients on two hosts, interleaved: each gets its own answers. */
  twoClients: async (net: World) => {
    startServer(net);
    await net.sleep(1);
    const alice = udpClient(net, "10.0.0.2", "alice");
    const bob = udpClient(net, "10.0.0.3", "bob");
    for (let i = 0; i < 3; i++) {
      for (const [sock, name] of [[alice, "alice"], [bob, "bob"]] as const) {
        const d = new TextEncoder().encode(`${name} ${i}`);
        await sock.sendto(d, [SERVER, PORT]);
        const got = await receive(sock, name);
        if (!same(got, d)) throw new Error(`${name} sent "${name} ${i}" and got back "${new TextDecoder().decode(got)}"`);
      }
    }
    return "ok";
  },
};

// ---- Added by the content review (issue 12): many clients on one host, long silences.
export const reviewScenarios = {
  /** `clients` sockets on one host (same address, different ports), interleaved. */
  sameHost: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const count = typeof params.clients === "number" ? params.clients : 3;
    const host = net.host("10.0.0.2", "laptop");
    const socks = Array.from({ length: count }, () => {
      const sock = host.socket(SOCK_DGRAM);
      sock.settimeout(1);
      return sock;
    });
    for (let round = 0; round < 2; round++) {
      for (let i = count - 1; i >= 0; i--) await socks[i]!.sendto(new TextEncoder().encode(`socket ${i + 1}, round ${round + 1}`), [SERVER, PORT]);
      for (let i = count - 1; i >= 0; i--) {
        const who = `socket ${i + 1} of the laptop (port ${socks[i]!.getsockname()[1]})`;
        const got = new TextDecoder().decode(await receive(socks[i]!, who));
        if (got !== `socket ${i + 1}, round ${round + 1}`) throw new Error(`${who} got back ${JSON.stringify(got)}`);
      }
    }
    return count;
  },

  /** A datagram, then `idleMs` of silence, then more datagrams (the server must still answer). */
  idle: async (net: World, params: Params) => {
    startServer(net);
    await net.sleep(1);
    const idleMs = typeof params.idleMs === "number" ? params.idleMs : 300_000;
    const bob = udpClient(net, "10.0.0.3", "bob");
    for (let i = 0; i < 3; i++) {
      const d = new TextEncoder().encode(`after ${i * idleMs} ms`);
      await bob.sendto(d, [SERVER, PORT]);
      if (!same(await receive(bob, `bob (${i * idleMs} ms after its first datagram)`), d)) throw new Error(`datagram ${i + 1} came back changed`);
      if (i < 2) await net.sleep(idleMs);
    }
    return idleMs;
  },
};
Object.assign(scenarios, reviewScenarios);
