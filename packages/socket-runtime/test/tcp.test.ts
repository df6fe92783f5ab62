import { describe, expect, it } from "vitest";
import { socketApi, type World } from "../src/index.ts";
import { codeOf, dec, enc, events, run } from "./helpers.ts";

const { SHUT_WR } = socketApi;

/** A listener on 10.0.0.1:8888 and a connected client on 10.0.0.2. */
async function pair(net: World, backlog = 5) {
  const server = net.host("10.0.0.1", "server");
  const client = net.host("10.0.0.2", "client");
  const listener = server.socket();
  listener.bind(["", 8888]);
  listener.listen(backlog);
  const c = client.socket();
  await c.connect(["10.0.0.1", 8888]);
  const [conn, addr] = await listener.accept();
  return { listener, c, conn, addr, server, client };
}

async function readAll(sock: socketApi.Socket): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const d = await sock.recv(65536);
    if (d.length === 0) return chunks;
    chunks.push(d);
  }
}

describe("TCP", () => {
  it("connects, accepts with the client's address, and carries bytes both ways", async () => {
    const report = await run(async (net) => {
      const { c, conn, addr } = await pair(net);
      await c.sendall(enc("ping"));
      const got = dec(await conn.recv(100));
      await conn.sendall(enc("pong"));
      return { addr, got, back: dec(await c.recv(100)), peer: c.getpeername(), local: conn.getsockname() };
    });
    expect(report.verdict).toBe("ok");
    expect(report.result).toEqual({ addr: ["10.0.0.2", 49152], got: "ping", back: "pong", peer: ["10.0.0.1", 8888], local: ["10.0.0.1", 8888] });
    expect(events(report).map((e) => e.flags)).toEqual(["SYN", "SYN-ACK", "", ""]);
  });

  it("refuses a connection to a port nobody listens on", async () => {
    const report = await run(async (net) => {
      net.host("10.0.0.1");
      return codeOf(net.host("10.0.0.2").socket().connect(["10.0.0.1", 9]));
    });
    expect(report.result).toBe("ECONNREFUSED");
    expect(events(report).map((e) => e.flags)).toEqual(["SYN", "RST"]);
  });

  it("keeps clients beyond the backlog waiting until accept makes room", async () => {
    const report = await run(async (net) => {
      const listener = net.host("10.0.0.1").socket();
      listener.bind(["", 80]);
      listener.listen(1);
      const order: string[] = [];
      const a = net.host("10.0.0.2").socket();
      const b = net.host("10.0.0.3").socket();
      const ca = a.connect(["10.0.0.1", 80]).then(() => order.push("a connected"));
      const cb = b.connect(["10.0.0.1", 80]).then(() => order.push("b connected"));
      await net.sleep(50);
      order.push("accept");
      await listener.accept();
      await Promise.all([ca, cb]);
      return order;
    });
    expect(report.result).toEqual(["a connected", "accept", "b connected"]);
  });

  it.each(["none", "bytes", "merge", "random"])("delivers the stream in order with split=%s", async (split) => {
    const message = "0123456789".repeat(30);
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      for (let i = 0; i < message.length; i += 50) await c.send(enc(message.slice(i, i + 50)));
      c.close();
      const chunks = await readAll(conn);
      return { text: chunks.map(dec).join(""), reads: chunks.length };
    }, { split, seed: 3 });
    expect((report.result as { text: string }).text).toBe(message);
    const data = events(report).filter((e) => e.flags === "" && e.to.endsWith(":8888"));
    if (split === "bytes") expect(data.every((e) => e.length === 1)).toBe(true);
    if (split === "merge") expect(data).toHaveLength(1);
    if (split === "none") expect(data).toHaveLength(6);
    if (split === "random") expect(new Set(data.map((e) => e.length)).size).toBeGreaterThan(1);
  });

  it("sees EOF as an empty recv, and half-close lets the other direction go on", async () => {
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      await c.sendall(enc("request"));
      c.shutdown(SHUT_WR);
      const got = (await readAll(conn)).map(dec).join("");
      await conn.sendall(enc(`reply to ${got}`));
      conn.close();
      return (await readAll(c)).map(dec).join("");
    });
    expect(report.result).toBe("reply to request");
  });

  it("resets a connection closed with unread data: the peer's recv fails with ECONNRESET", async () => {
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      await c.sendall(enc("unread"));
      await net.sleep(5);
      conn.close();
      return codeOf(c.recv(10));
    });
    expect(report.result).toBe("ECONNRESET");
    expect(events(report).some((e) => e.flags === "RST" && e.note.includes("unread"))).toBe(true);
  });

  it("fails a send to a closed peer with EPIPE after the reset comes back (BrokenPipeError)", async () => {
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      conn.close();
      await net.sleep(5);
      const first = await codeOf(c.send(enc("one")));
      await net.sleep(5);
      const second = await codeOf(c.send(enc("two")));
      return [first, second];
    });
    expect(report.result).toEqual(["resolved", "EPIPE"]);
  });

  it("fails a send on a reset connection with ECONNRESET once, then EPIPE", async () => {
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      await c.sendall(enc("unread"));
      await net.sleep(5);
      conn.close();
      await net.sleep(5);
      return [await codeOf(c.send(enc("a"))), await codeOf(c.send(enc("b"))), (await c.recv(10)).length];
    });
    expect(report.result).toEqual(["ECONNRESET", "EPIPE", 0]);
  });

  it("fails a connect to an address nobody has with EHOSTUNREACH after 3 s", async () => {
    const report = await run(async (net) => {
      const c = net.host("10.0.0.2").socket();
      const code = await codeOf(c.connect(["10.0.0.99", 80]));
      return [code, net.now()];
    });
    expect(report.result).toEqual(["EHOSTUNREACH", 3000]);
  });

  it("send may accept fewer bytes than given; sendall sends them all", async () => {
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      const n = await c.send(new Uint8Array(100));
      await c.sendall(new Uint8Array(100).fill(1));
      c.close();
      const total = (await readAll(conn)).reduce((s, d) => s + d.length, 0);
      return { n, total };
    }, { maxSend: 7 });
    expect(report.result).toEqual({ n: 7, total: 107 });
  });

  it("blocks the sender when the receiver's window is full", async () => {
    const report = await run(async (net) => {
      const { c, conn } = await pair(net);
      let sent = false;
      const sending = c.sendall(new Uint8Array(3000)).then(() => (sent = true));
      await net.sleep(50);
      const before = sent;
      let got = 0;
      while (got < 3000) got += (await conn.recv(500)).length;
      await sending;
      return { before, after: sent };
    }, { recvBuffer: 1000 });
    expect(report.result).toEqual({ before: false, after: true });
  });

  it("times out and fails non-blocking calls with EAGAIN", async () => {
    const report = await run(async (net) => {
      const { c } = await pair(net);
      c.settimeout(2.5);
      const t0 = net.now();
      const timedOut = await codeOf(c.recv(10));
      const waited = net.now() - t0;
      c.setblocking(false);
      return { timedOut, waited, nonBlocking: await codeOf(c.recv(10)) };
    });
    expect(report.result).toEqual({ timedOut: "ETIMEDOUT", waited: 2500, nonBlocking: "EAGAIN" });
  });

  it("rejects strings where bytes are needed", async () => {
    const report = await run(async (net) => {
      const { c } = await pair(net);
      return codeOf(c.send("text" as unknown as Uint8Array));
    });
    expect(String(report.result)).toMatch(/bytes-like/);
  });
});
