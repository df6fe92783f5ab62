/**
 * npm run bench:net
 * 1. Bytes per second through one simulated TCP connection (Node, no isolate).
 * 2. UDP datagrams per second.
 * (Grading p50 per reference, through the real sandbox, is printed after it by
 * packages/sandbox/bench/reference-p50.ts: see the bench:net script.)
 */
import { runScenario, socketApi, type World } from "../src/index.ts";

const { SOCK_DGRAM } = socketApi;
const fmt = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));

async function tcpThroughput(totalBytes: number, options: Record<string, unknown>): Promise<number> {
  const scenario = async (net: World) => {
    const listener = net.host("10.0.0.1").socket();
    listener.bind(["", 80]);
    listener.listen(1);
    const client = net.host("10.0.0.2").socket();
    await client.connect(["10.0.0.1", 80]);
    const [conn] = await listener.accept();
    const chunk = new Uint8Array(65536).fill(42);
    const sending = (async () => {
      for (let sent = 0; sent < totalBytes; sent += chunk.length) await client.sendall(chunk);
      client.close();
    })();
    let got = 0;
    for (;;) {
      const data = await conn.recv(65536);
      if (data.length === 0) break;
      got += data.length;
    }
    await sending;
    return got;
  };
  const started = performance.now();
  const report = await runScenario({ scenarios: { s: scenario } }, "s", {}, { maxEvents: 10_000_000, ...options });
  const seconds = (performance.now() - started) / 1000;
  if (report.result !== totalBytes) throw new Error(`tcp bench: ${String(report.result)} bytes arrived (${report.message})`);
  return totalBytes / seconds;
}

async function udpRate(count: number): Promise<number> {
  const scenario = async (net: World) => {
    const receiver = net.host("10.0.0.1").socket(SOCK_DGRAM);
    receiver.bind(["", 9]);
    const sender = net.host("10.0.0.2").socket(SOCK_DGRAM);
    const payload = new Uint8Array(100);
    let got = 0;
    const receiving = (async () => {
      while (got < count) {
        await receiver.recvfrom(2048);
        got++;
      }
    })();
    for (let i = 0; i < count; i++) {
      await sender.sendto(payload, ["10.0.0.1", 9]);
      if (i % 100 === 99) await net.sleep(1);
    }
    await receiving;
    return got;
  };
  const started = performance.now();
  const report = await runScenario({ scenarios: { s: scenario } }, "s", {}, { maxEvents: 10_000_000 });
  const seconds = (performance.now() - started) / 1000;
  if (report.result !== count) throw new Error(`udp bench: ${String(report.result)} datagrams arrived (${report.message})`);
  return count / seconds;
}

await tcpThroughput(1 << 20, {}); // warm-up
console.log(`TCP, mss 1460:   ${fmt(await tcpThroughput(16 << 20, {}))}B/s through one connection (16 MiB)`);
console.log(`TCP, mss 65536:  ${fmt(await tcpThroughput(64 << 20, { mss: 65536 }))}B/s through one connection (64 MiB)`);
console.log(`TCP, split=random: ${fmt(await tcpThroughput(4 << 20, { split: "random", seed: 1 }))}B/s (4 MiB)`);
console.log(`UDP: ${fmt(await udpRate(50_000))} datagrams/s (50,000 datagrams of 100 bytes)`);
