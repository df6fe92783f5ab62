import vm from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { socketModule, SOCKET_EXPORTS } from "../src/index.ts";

interface Realm {
  __socket: Record<string, unknown> & { __drivers: { run(w: unknown, s: string, p: unknown, o: unknown): Promise<{ ok: boolean; result: unknown; visualization: unknown; verdict: string }> } };
  __workload: unknown;
  TextEncoder?: unknown;
}

/** A bare realm (no TextEncoder, no timers), the runtime script, then a workload importing "socket". */
async function realm(workloadSource: string): Promise<Realm> {
  const context = vm.createContext({}) as unknown as Realm;
  vm.runInContext(await socketModule.runtimeScript(), context as unknown as vm.Context);
  const shim = `const m = globalThis.__socket;\n${SOCKET_EXPORTS.map((n) => `export const ${n} = m.${n};`).join("\n")}`;
  const bundled = await build({
    stdin: { contents: `import * as w from "workload"; globalThis.__workload = w;`, resolveDir: "/", loader: "ts" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "neutral",
    logLevel: "silent",
    plugins: [
      {
        name: "virtual",
        setup(b) {
          b.onResolve({ filter: /^(workload|socket)$/ }, (a) => ({ path: a.path, namespace: "v" }));
          b.onLoad({ filter: /.*/, namespace: "v" }, (a) => ({ contents: a.path === "socket" ? shim : workloadSource, loader: "ts" }));
        },
      },
    ],
  });
  vm.runInContext(bundled.outputFiles[0]?.text ?? "", context as unknown as vm.Context);
  return context;
}

const WORKLOAD = `
import { socket, SOCK_DGRAM } from "socket";
async function upper(port) {
  const s = socket(); s.bind(["", port]); s.listen(5);
  for (;;) {
    const [c] = await s.accept();
    (async () => {
      const d = new TextDecoder(); let text = "";
      for (;;) { const b = await c.recv(64); if (b.length === 0) break; text += d.decode(b, { stream: true }); }
      await c.sendall(new TextEncoder().encode(text.toUpperCase())); c.close();
    })();
  }
}
export const scenarios = {
  upper: async (net, params) => {
    net.host("10.0.0.1", "server").spawn("upper", () => upper(80));
    await net.sleep(1);
    const c = net.host("10.0.0.2").socket();
    await c.connect(["10.0.0.1", 80]);
    await c.sendall(new TextEncoder().encode(params.text));
    c.shutdown(1);
    const d = new TextDecoder(); let out = "";
    for (;;) { const b = await c.recv(64); if (b.length === 0) break; out += d.decode(b, { stream: true }); }
    return out;
  },
  udp: async (net) => {
    const r = net.host("10.0.0.1").socket(SOCK_DGRAM); r.bind(["", 9]);
    await net.host("10.0.0.2").socket(SOCK_DGRAM).sendto(new Uint8Array([1, 2, 3]), ["10.0.0.1", 9]);
    const [d, from] = await r.recvfrom(2);
    return [Array.from(d), from];
  },
};`;

describe("the bundled runtime in a bare realm (as in the isolate)", () => {
  it("installs the polyfill and the module with its drivers on globalThis.__socket", async () => {
    const r = await realm(WORKLOAD);
    expect(typeof r.TextEncoder).toBe("function");
    expect(Object.keys(r.__socket).sort()).toEqual([...SOCKET_EXPORTS, "__drivers"].sort());
    expect(delete (r as unknown as Record<string, unknown>).__socket).toBe(true);
  });

  it("runs TCP scenarios with splits, deterministically", async () => {
    const r = await realm(WORKLOAD);
    const a = await r.__socket.__drivers.run(r.__workload, "upper", { text: "héllo, wörld" }, { split: "bytes" });
    expect(a.result).toBe("HÉLLO, WÖRLD");
    const fresh = await realm(WORKLOAD);
    const again = await fresh.__socket.__drivers.run(fresh.__workload, "upper", { text: "héllo, wörld" }, { split: "bytes" });
    expect(JSON.stringify(again.visualization)).toBe(JSON.stringify(a.visualization));
  });

  it("runs UDP scenarios", async () => {
    const r = await realm(WORKLOAD);
    const report = await r.__socket.__drivers.run(r.__workload, "udp", {}, {});
    expect(JSON.parse(JSON.stringify(report.result))).toEqual([[1, 2], ["10.0.0.2", 49152]]);
  });

  it("declares the module for the editor", () => {
    expect(socketModule.declarations).toMatch(/^declare module "socket" \{/);
    for (const name of SOCKET_EXPORTS) expect(socketModule.declarations).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
