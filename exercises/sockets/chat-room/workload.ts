/**
 * Scenarios of sockets/chat-room: the student's main() on 10.0.0.1:8888; chat clients alice,
 * bob, carol, dave on 10.0.0.2-5 and an administrator console on the server's host. A script
 * is a list of [who, datagram]; the result is every datagram each client received, in order.
 */
import { main } from "student";
import { SOCK_DGRAM, type Params, type Socket, type World } from "socket";

const SERVER = "10.0.0.1";
const PORT = 8888;
const PEOPLE = ["alice", "bob", "carol", "dave"];

async function drain(sock: Socket): Promise<string[]> {
  const got: string[] = [];
  sock.setblocking(false);
  for (;;) {
    try {
      const [data] = await sock.recvfrom(4096);
      got.push(new TextDecoder().decode(data));
    } catch {
      return got;
    }
  }
}

export const scenarios = {
  script: async (net: World, params: Params) => {
    const server = net.host(SERVER, "server");
    server.spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const sockets = new Map<string, Socket>();
    PEOPLE.forEach((name, i) => sockets.set(name, net.host(`10.0.0.${i + 2}`, name).socket(SOCK_DGRAM)));
    sockets.set("admin", server.socket(SOCK_DGRAM));
    const inbox: Record<string, string[]> = {};
    const steps = Array.isArray(params.steps) ? (params.steps as [string, string][]) : [];
    for (const [who, text] of steps) {
      const sock = sockets.get(who);
      if (sock === undefined) throw new Error(`the script names an unknown client ${who}`);
      await sock.sendto(new TextEncoder().encode(text), [SERVER, PORT]);
      await net.sleep(5);
    }
    await net.sleep(20);
    for (const name of PEOPLE) {
      const got = await drain(sockets.get(name) as Socket);
      if (got.length > 0) inbox[name] = got;
    }
    return inbox;
  },
};

// ---- Added by the content review (issue 12): clients placed on any host (several on one host).
export const reviewScenarios = {
  /**
   * Like `script`, but `hosts` maps each client name to its host's address (several clients may
   * share a host: same address, different ports). "admin" is on the server's host.
   */
  scriptOn: async (net: World, params: Params) => {
    const server = net.host(SERVER, "server");
    server.spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const placement = (typeof params.hosts === "object" && params.hosts !== null ? params.hosts : {}) as Record<string, string>;
    const hosts = new Map<string, ReturnType<World["host"]>>();
    const sockets = new Map<string, Socket>();
    for (const [name, ip] of Object.entries(placement)) {
      let host = hosts.get(ip);
      if (host === undefined) {
        host = net.host(ip, `host ${ip}`);
        hosts.set(ip, host);
      }
      sockets.set(name, host.socket(SOCK_DGRAM));
    }
    sockets.set("admin", server.socket(SOCK_DGRAM));
    const steps = Array.isArray(params.steps) ? (params.steps as [string, string][]) : [];
    for (const [who, text] of steps) {
      if (who === "wait") {
        await net.sleep(Number(text)); // a silence of that many ms in the script
        continue;
      }
      const sock = sockets.get(who);
      if (sock === undefined) throw new Error(`the script names an unknown client ${who}`);
      await sock.sendto(new TextEncoder().encode(text), [SERVER, PORT]);
      await net.sleep(5);
    }
    await net.sleep(20);
    const inbox: Record<string, string[]> = {};
    for (const name of Object.keys(placement)) {
      const got = await drain(sockets.get(name) as Socket);
      if (got.length > 0) inbox[name] = got;
    }
    return inbox;
  },
};
Object.assign(scenarios, reviewScenarios);
