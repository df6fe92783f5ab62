/**
 * Scenarios of sockets/udp-broadcast on the subnet 10.0.0.0/24 (broadcast 10.0.0.255).
 * `send`: the student's broadcast() on 10.0.0.1, three listeners of ours on 10.0.0.2-4 and one
 * on another subnet; the result is what each received and when (simulated ms after the start).
 * `receive`: the student's listen() on 10.0.0.2 and 10.0.0.3 at once; we broadcast from 10.0.0.1.
 */
import { broadcast, listen } from "student";
import { SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST, type Params, type Socket, type World } from "socket";
// Checks use built-ins captured before the student's code ran, and the runtime's own UTF-8 codec.
import { TextDecoder, TextEncoder, primordials as P } from "socket";

const num = (params: Params, key: string, fallback: number): number => (typeof params[key] === "number" ? (params[key] as number) : fallback);

async function drain(sock: Socket): Promise<string[]> {
  const got: string[] = [];
  sock.setblocking(false);
  for (;;) {
    try {
      const [data] = await sock.recvfrom(65535);
      got.push(new TextDecoder().decode(data));
    } catch {
      return got;
    }
  }
}

export const scenarios = {
  send: async (net: World, params: Params) => {
    const port = num(params, "port", 9999);
    const times = num(params, "times", 3);
    const interval = num(params, "intervalMs", 2000);
    const message = typeof params.message === "string" ? params.message : "weather: 7 degrees";
    const sender = net.host("10.0.0.1", "sender");
    const names = ["ann", "ben", "cat"];
    const received: Record<string, { t: number; text: string }[]> = {};
    const listeners = names.map((name, i) => {
      const sock = net.host(`10.0.0.${i + 2}`, name).socket(SOCK_DGRAM);
      sock.bind(["", port]);
      received[name] = [];
      return { name, sock };
    });
    const outsider = net.host("10.0.1.9", "outsider").socket(SOCK_DGRAM);
    outsider.bind(["", port]);
    const start = net.now();
    const pumps = listeners.map(async ({ name, sock }) => {
      for (;;) {
        const [data] = await sock.recvfrom(65535);
        received[name]?.push({ t: P.MathRound(net.now() - start), text: new TextDecoder().decode(data) });
      }
    });
    void pumps;
    await sender.run(() => (params.defaults === true ? broadcast(message) : broadcast(message, port, times, interval)));
    await net.sleep(10);
    const stray = await drain(outsider);
    if (stray.length > 0) throw new Error("a host on another subnet received the broadcast");
    return received;
  },

  receive: async (net: World, params: Params) => {
    const port = num(params, "port", 9999);
    const count = num(params, "count", 3);
    const extra = num(params, "extra", 1);
    const sender = net.host("10.0.0.1", "sender").socket(SOCK_DGRAM);
    sender.setsockopt(SOL_SOCKET, SO_BROADCAST, 1);
    const a = net.host("10.0.0.2", "ann");
    const b = net.host("10.0.0.3", "ben");
    const listening = Promise.all([a.run(() => listen(port, count)), b.run(() => listen(port, count))]);
    await net.sleep(1);
    for (let i = 0; i < count + extra; i++) {
      await sender.sendto(new TextEncoder().encode(`news ${i + 1}`), ["10.0.0.255", port]);
      await net.sleep(100);
    }
    const [ann, ben] = await listening;
    return { ann, ben };
  },
};

// ---- Added by the content review (issue 12): when broadcast() resolves; several listen() on one
// host, long and UTF-8 messages, and the port free again once listen() has returned.
export const reviewScenarios = {
  /** broadcast() on 10.0.0.1, one listener on 10.0.0.2; returns when it resolved and what arrived. */
  sendTimed: async (net: World, params: Params) => {
    const port = num(params, "port", 9999);
    const times = num(params, "times", 3);
    const interval = num(params, "intervalMs", 2000);
    const message = typeof params.message === "string" ? params.message : "weather: 7 degrees";
    const sender = net.host("10.0.0.1", "sender");
    const listener = net.host("10.0.0.2", "ann").socket(SOCK_DGRAM);
    listener.bind(["", port]);
    const start = net.now();
    const received: { t: number; text: string }[] = [];
    void (async () => {
      for (;;) {
        const [data] = await listener.recvfrom(65535);
        received.push({ t: Math.round(net.now() - start), text: new TextDecoder().decode(data) });
      }
    })();
    await sender.run(() => broadcast(message, port, times, interval));
    const resolvedAt = Math.round(net.now() - start);
    await net.sleep(10);
    return { resolvedAt, received };
  },

  /** broadcast() on 10.0.0.1, then how many sockets it left open there (0 when it closed its own). */
  sendCloses: async (net: World, params: Params) => {
    const sender = net.host("10.0.0.1", "sender");
    const times = num(params, "times", 2);
    await sender.run(() => broadcast("closing time", num(params, "port", 9999), times, num(params, "intervalMs", 10)));
    const open = sender.openSockets();
    if (open !== 0) throw new Error(`broadcast() resolved with ${open} socket${open === 1 ? "" : "s"} still open on 10.0.0.1: close the socket before returning`);
    return { open };
  },

  /** Two listen() on 10.0.0.2 and one on 10.0.0.3 at once; afterwards, each port must be free to bind again. */
  sameHostListen: async (net: World, params: Params) => {
    const port = num(params, "port", 9999);
    const count = num(params, "count", 2);
    const bigSize = num(params, "bigSize", 3000);
    const sender = net.host("10.0.0.1", "sender").socket(SOCK_DGRAM);
    sender.setsockopt(SOL_SOCKET, SO_BROADCAST, 1);
    const laptop = net.host("10.0.0.2", "laptop");
    const desktop = net.host("10.0.0.3", "desktop");
    const listening = Promise.all([laptop.run(() => listen(port, count)), laptop.run(() => listen(port, count)), desktop.run(() => listen(port, count))]);
    await net.sleep(1);
    const texts = Array.from({ length: count }, (_, i) => (i === count - 1 ? `${"ü".repeat(bigSize / 2)}` : `news ${i + 1} ✓`));
    for (const text of texts) {
      await sender.sendto(new TextEncoder().encode(text), ["10.0.0.255", port]);
      await net.sleep(100);
    }
    const [first, second, third] = await listening;
    const expected = JSON.stringify(texts);
    const problems: string[] = [];
    for (const [who, got] of [["the first listen() on 10.0.0.2", first], ["the second listen() on 10.0.0.2", second], ["listen() on 10.0.0.3", third]] as const) {
      if (JSON.stringify(got) !== expected) problems.push(`${who} returned ${JSON.stringify(got).slice(0, 120)}, expected ${expected.slice(0, 120)}`);
    }
    for (const host of [laptop, desktop]) {
      const probe = host.socket(SOCK_DGRAM);
      try {
        probe.bind(["", port]);
      } catch (error) {
        problems.push(`after listen() returned, port ${port} on ${host.ip} could not be bound again (${(error as { code?: string }).code ?? String(error)}): close the socket`);
      }
      probe.close();
    }
    if (problems.length > 0) throw new Error(problems.join("; "));
    return texts.map((t) => t.length);
  },
};
Object.assign(scenarios, reviewScenarios);
