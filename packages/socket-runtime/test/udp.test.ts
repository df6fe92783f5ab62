import { describe, expect, it } from "vitest";
import { socketApi } from "../src/index.ts";
import { codeOf, dec, enc, events, run } from "./helpers.ts";

const { SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST } = socketApi;

describe("UDP", () => {
  it("keeps boundaries and tells the sender's address", async () => {
    const report = await run(async (net) => {
      const r = net.host("10.0.0.1").socket(SOCK_DGRAM);
      r.bind(["", 9000]);
      const s = net.host("10.0.0.2").socket(SOCK_DGRAM);
      for (const m of ["a", "bb", "ccc"]) await s.sendto(enc(m), ["10.0.0.1", 9000]);
      const got: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const [d, from] = await r.recvfrom(100);
        got.push([dec(d), from]);
      }
      return got;
    });
    expect(report.result).toEqual([["a", ["10.0.0.2", 49152]], ["bb", ["10.0.0.2", 49152]], ["ccc", ["10.0.0.2", 49152]]]);
  });

  it("truncates a datagram longer than the buffer; the rest is lost", async () => {
    const report = await run(async (net) => {
      const r = net.host("10.0.0.1").socket(SOCK_DGRAM);
      r.bind(["", 9000]);
      const s = net.host("10.0.0.2").socket(SOCK_DGRAM);
      await s.sendto(enc("0123456789"), ["10.0.0.1", 9000]);
      await s.sendto(enc("next"), ["10.0.0.1", 9000]);
      return [dec((await r.recvfrom(4))[0]), dec((await r.recvfrom(100))[0])];
    });
    expect(report.result).toEqual(["0123", "next"]);
  });

  it("broadcast needs SO_BROADCAST (EACCES) and reaches every host of the subnet bound to the port", async () => {
    const report = await run(async (net) => {
      const sender = net.host("10.0.0.1").socket(SOCK_DGRAM);
      const receivers = ["10.0.0.2", "10.0.0.3", "10.0.1.4"].map((ip) => {
        const s = net.host(ip).socket(SOCK_DGRAM);
        s.bind(["0.0.0.0", 9999]);
        s.setblocking(false);
        return s;
      });
      const denied = await codeOf(sender.sendto(enc("x"), ["10.0.0.255", 9999]));
      sender.setsockopt(SOL_SOCKET, SO_BROADCAST, 1);
      await sender.sendto(enc("news"), ["10.0.0.255", 9999]);
      await net.sleep(5);
      const got = await Promise.all(receivers.map(async (r) => codeOf(r.recvfrom(100)).then((c) => (c === "resolved" ? "got it" : c))));
      return { denied, got };
    });
    expect(report.result).toEqual({ denied: "EACCES", got: ["got it", "got it", "EAGAIN"] });
    expect(events(report)[0]?.note).toContain("delivered to 2 sockets");
  });

  it("loses, duplicates and reorders from the seed, the same way on every run", async () => {
    const scenario = async (net: import("../src/index.ts").World) => {
      const r = net.host("10.0.0.1").socket(SOCK_DGRAM);
      r.bind(["", 9000]);
      r.settimeout(1);
      const s = net.host("10.0.0.2").socket(SOCK_DGRAM);
      for (let i = 0; i < 40; i++) await s.sendto(enc(String(i)), ["10.0.0.1", 9000]);
      const got: string[] = [];
      for (;;) {
        try {
          got.push(dec((await r.recvfrom(10))[0]));
        } catch {
          return got;
        }
      }
    };
    const options = { seed: 17, loss: 0.2, dup: 0.2, reorder: 0.3 };
    const a = await run(scenario, options);
    const b = await run(scenario, options);
    const got = a.result as string[];
    expect(b.result).toEqual(got);
    expect(JSON.stringify(b.visualization)).toBe(JSON.stringify(a.visualization));
    expect(new Set(got).size).toBeLessThan(40);
    expect(got.length).toBeGreaterThan(new Set(got).size);
    expect(got.map(Number)).not.toEqual([...got.map(Number)].sort((x, y) => x - y));
    const other = await run(scenario, { ...options, seed: 18 });
    expect(other.result).not.toEqual(got);
  });

  it("drops a datagram nobody is bound for, and notes it", async () => {
    const report = await run(async (net) => {
      net.host("10.0.0.1");
      await net.host("10.0.0.2").socket(SOCK_DGRAM).sendto(enc("hello?"), ["10.0.0.1", 1234]);
      await net.sleep(5);
    });
    expect(events(report)[0]).toMatchObject({ proto: "udp", to: "10.0.0.1:1234", text: "hello?", hex: "68656c6c6f3f", note: "dropped: no socket bound to this port" });
  });
});
