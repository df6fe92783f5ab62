import { describe, expect, it } from "vitest";
import { runScenario, socketApi, type World } from "../src/index.ts";
import { dec, enc, events, run } from "./helpers.ts";

const { socket } = socketApi;

/** A student-style echo server that serves forever. */
async function echoServer(port: number): Promise<never> {
  const s = socket();
  s.bind(["", port]);
  s.listen(5);
  for (;;) {
    const [conn] = await s.accept();
    void (async () => {
      for (;;) {
        const d = await conn.recv(1024);
        if (d.length === 0) break;
        await conn.sendall(d);
      }
      conn.close();
    })();
  }
}

const echo = async (net: World) => {
  net.host("10.0.0.1", "server").spawn("echo server", () => echoServer(7));
  await net.sleep(1);
  const c = net.host("10.0.0.2", "client").socket();
  await c.connect(["10.0.0.1", 7]);
  await c.sendall(enc("héllo wörld, a longer line to split"));
  let text = "";
  while (text.length < 35) text += dec(await c.recv(100));
  c.close();
  return text;
};

describe("the run driver", () => {
  it("counts the sockets a host has not closed, accepted ones included", async () => {
    const report = await run(async (net) => {
      const server = net.host("10.0.0.1", "server");
      const client = net.host("10.0.0.2", "client");
      const counts: number[] = [];
      server.spawn("one-shot server", async () => {
        const s = socket();
        s.bind(["", 7]);
        s.listen(1);
        const [conn] = await s.accept();
        counts.push(server.openSockets());
        conn.close();
        s.close();
        s.close();
        counts.push(server.openSockets());
      });
      await net.sleep(1);
      const c = client.socket();
      counts.push(client.openSockets());
      await c.connect(["10.0.0.1", 7]);
      await net.sleep(10);
      c.close();
      counts.push(client.openSockets());
      return counts;
    });
    expect(report.result).toEqual([1, 2, 0, 0]);
  });

  it("ends when the peers are done although the server serves forever", async () => {
    const report = await run(echo);
    expect(report).toMatchObject({ ok: true, verdict: "ok", message: "" });
    expect(report.summary).toMatch(/^test: ok \(2 hosts, \d+ TCP segments, 0 UDP datagrams/);
  });

  it("gives the same trace for the same seed, another for another seed", async () => {
    const a = await run(echo, { split: "random", seed: 42 });
    const b = await run(echo, { split: "random", seed: 42 });
    const c = await run(echo, { split: "random", seed: 43 });
    expect(JSON.stringify(b.visualization)).toBe(JSON.stringify(a.visualization));
    expect(JSON.stringify(c.visualization)).not.toBe(JSON.stringify(a.visualization));
    expect(a.seed).toBe("42");
  });

  it("records every segment with time, addresses, hex and printable bytes", async () => {
    const report = await run(echo, { split: "bytes" });
    const data = events(report).filter((e) => e.flags === "" && e.to === "10.0.0.1:7");
    expect(data[0]).toMatchObject({ t: 4, from: "10.0.0.2:49152", proto: "tcp", length: 1, hex: "68", text: "h" });
    expect(data[1]).toMatchObject({ hex: "c3", text: "\\xc3" });
    expect(report.visualization?.kind).toBe("network");
  });

  it("reports a deadlock with who waits for what", async () => {
    const report = await run(async (net) => {
      const l = net.host("10.0.0.1", "server").socket();
      l.bind(["", 80]);
      l.listen(1);
      const c = net.host("10.0.0.2", "alice").socket();
      await c.connect(["10.0.0.1", 80]);
      await c.recv(10);
    });
    expect(report.verdict).toBe("deadlock");
    expect(report.message).toContain("alice (10.0.0.2) waits in recv(10) on 10.0.0.2:49152 <-> 10.0.0.1:80");
  });

  it("fails when a background process raises, naming it", async () => {
    const report = await run(async (net) => {
      const h = net.host("10.0.0.1", "server");
      h.socket().bind(["", 80]);
      h.spawn("main()", () => echoServer(80));
      await net.sleep(100);
    });
    expect(report.verdict).toBe("error");
    expect(report.message).toBe("main() raised SocketError: [Errno 98] Address already in use: 0.0.0.0:80 (EADDRINUSE)");
  });

  it("stops a run that never ends with the verdict timeout", async () => {
    const report = await run(async (net) => {
      for (;;) await net.sleep(1000);
    }, { maxTimeMs: 10_000 });
    expect(report.verdict).toBe("timeout");
  });

  it("returns plain data and checks its inputs", async () => {
    const ok = await run(async () => ({ bytes: enc("ab"), n: 1 }));
    expect(ok.result).toEqual({ bytes: [97, 98], n: 1 });
    expect((await runScenario({ scenarios: {} }, "nope")).message).toMatch(/no scenario "nope"/);
    expect((await run(async () => 1, { split: "sideways" })).message).toMatch(/split must be one of/);
  });

  it("runs code on a host: sockets created there belong to it", async () => {
    const report = await run(async (net) => {
      net.host("10.0.0.1");
      const h2 = net.host("10.0.0.2");
      const here = socket();
      here.bind(["10.0.0.1", 5]);
      return h2.run(() => {
        const s = socket();
        s.bind(["10.0.0.2", 5]);
        return s.getsockname();
      });
    });
    expect(report.result).toEqual(["10.0.0.2", 5]);
  });
});
