/**
 * Scenarios of sockets/chat-room: the student's main() on 10.0.0.1:8888; chat clients alice,
 * bob, carol, dave on 10.0.0.2-5 and an administrator console on the server's host. A script
 * is a list of [who, datagram]; the result is every datagram each client received, in order.
 */
import { main } from "student";
import { SOCK_DGRAM, type Params, type Socket, type World } from "socket";
// Checks use built-ins captured before the student's code ran, and the runtime's own UTF-8 codec.
import { TextDecoder, TextEncoder, primordials as P } from "socket";

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
