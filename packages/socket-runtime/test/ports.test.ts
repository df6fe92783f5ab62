import { describe, expect, it } from "vitest";
import { socketApi } from "../src/index.ts";
import { codeOfSync, run } from "./helpers.ts";

const { SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR } = socketApi;

describe("ports and addresses", () => {
  it("binds to '' and '0.0.0.0' as every address; checks the port range and the host's addresses", async () => {
    const report = await run(async (net) => {
      const h = net.host("10.0.0.1");
      const a = h.socket();
      a.bind(["", 8888]);
      const b = h.socket(SOCK_DGRAM);
      b.bind(["0.0.0.0", 65535]);
      return {
        a: a.getsockname(),
        b: b.getsockname(),
        range: codeOfSync(() => h.socket().bind(["", 65536])),
        foreign: codeOfSync(() => h.socket().bind(["10.0.0.7", 80])),
        fd: [a.fileno(), b.fileno()],
      };
    });
    expect(report.result).toEqual({ a: ["0.0.0.0", 8888], b: ["0.0.0.0", 65535], range: "EINVAL", foreign: "EADDRNOTAVAIL", fd: [3, 4] });
  });

  it("refuses a second bind with EADDRINUSE; TCP and UDP ports are separate", async () => {
    const report = await run(async (net) => {
      const h = net.host("10.0.0.1");
      h.socket().bind(["", 8888]);
      h.socket(SOCK_DGRAM).bind(["", 8888]);
      return [codeOfSync(() => h.socket().bind(["10.0.0.1", 8888])), codeOfSync(() => h.socket(SOCK_DGRAM).bind(["", 8888]))];
    });
    expect(report.result).toEqual(["EADDRINUSE", "EADDRINUSE"]);
  });

  it("SO_REUSEADDR binds over connections in TIME_WAIT, not over a live listener", async () => {
    const report = await run(async (net) => {
      const server = net.host("10.0.0.1");
      const old = server.socket();
      old.bind(["", 8888]);
      old.listen(1);
      const c = net.host("10.0.0.2").socket();
      await c.connect(["10.0.0.1", 8888]);
      const [conn] = await old.accept();
      const whileListening = server.socket();
      whileListening.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
      const live = codeOfSync(() => whileListening.bind(["", 8888]));
      conn.close();
      old.close();
      const plain = codeOfSync(() => server.socket().bind(["", 8888]));
      const reuse = server.socket();
      reuse.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
      const withReuse = codeOfSync(() => reuse.bind(["", 8888]));
      await net.sleep(61_000);
      const later = codeOfSync(() => server.socket().bind(["", 9999]));
      return { live, plain, withReuse, later };
    });
    expect(report.result).toEqual({ live: "EADDRINUSE", plain: "EADDRINUSE", withReuse: "ok", later: "ok" });
  });

  it("UDP sockets share a port when all set SO_REUSEADDR", async () => {
    const report = await run(async (net) => {
      const h = net.host("10.0.0.1");
      const make = () => {
        const s = h.socket(SOCK_DGRAM);
        s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
        return codeOfSync(() => s.bind(["", 5000]));
      };
      return [make(), make()];
    });
    expect(report.result).toEqual(["ok", "ok"]);
  });
});
