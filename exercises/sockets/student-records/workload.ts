/** Scenarios of sockets/student-records: the student's UDP server main() on 10.0.0.1. */
import { main } from "student";
import { SOCK_DGRAM, type Params, type World } from "socket";

const SERVER = "10.0.0.1";
const PORT = 8888;

interface Rec {
  id: number;
  name: string;
  age: number;
  score: number;
}

/** The client's own packing (the course's client side), so the server is judged alone. */
function pack(rec: Rec): Uint8Array {
  const out = new Uint8Array(44);
  const view = new DataView(out.buffer);
  view.setInt32(0, rec.id, true);
  out.set(new TextEncoder().encode(rec.name).subarray(0, 32), 4);
  view.setInt32(36, rec.age, true);
  view.setFloat32(40, rec.score, true);
  return out;
}

export const scenarios = {
  /** Sends each record (and `junk` datagrams of the given sizes after them); returns the answers. */
  server: async (net: World, params: Params) => {
    net.host(SERVER, "server").spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const sock = net.host("10.0.0.2", "client").socket(SOCK_DGRAM);
    sock.settimeout(1);
    const records = Array.isArray(params.records) ? (params.records as Rec[]) : [];
    const junk = Array.isArray(params.junk) ? (params.junk as number[]) : [];
    const datagrams = [...records.map(pack), ...junk.map((n) => new Uint8Array(n).fill(1))];
    const answers: string[] = [];
    for (const d of datagrams) {
      await sock.sendto(d, [SERVER, PORT]);
      try {
        const [data] = await sock.recvfrom(4096);
        answers.push(new TextDecoder().decode(data));
      } catch (error) {
        if ((error as { code?: string }).code === "ETIMEDOUT") throw new Error(`no answer within 1 s to datagram ${answers.length + 1} (${d.length} bytes)`);
        throw error;
      }
    }
    return answers;
  },
};

// ---- Added by the content review (issue 12): several clients (two on one host), sent before any answer is read.
export const reviewScenarios = {
  /** Each client sends its record, then each reads its answer (in reverse order). */
  clients: async (net: World, params: Params) => {
    net.host(SERVER, "server").spawn("main() on the server", () => main(PORT));
    await net.sleep(1);
    const records = Array.isArray(params.records) ? (params.records as Rec[]) : [];
    const laptop = net.host("10.0.0.2", "laptop");
    const other = net.host("10.0.0.3", "desktop");
    const socks = records.map((_, i) => {
      const sock = (i % 3 === 2 ? other : laptop).socket(SOCK_DGRAM);
      sock.settimeout(1);
      return sock;
    });
    if (typeof params.idleMs === "number") await net.sleep(params.idleMs); // nobody sends for that long first
    for (let i = 0; i < records.length; i++) await socks[i]!.sendto(pack(records[i]!), [SERVER, PORT]);
    const answers: string[] = new Array<string>(records.length).fill("");
    for (let i = records.length - 1; i >= 0; i--) {
      try {
        const [data] = await socks[i]!.recvfrom(4096);
        answers[i] = new TextDecoder().decode(data);
      } catch (error) {
        if ((error as { code?: string }).code === "ETIMEDOUT") throw new Error(`client ${i + 1} (${i % 3 === 2 ? "10.0.0.3" : "10.0.0.2"}) got no answer within 1 s`);
        throw error;
      }
    }
    return answers;
  },
};
Object.assign(scenarios, reviewScenarios);
