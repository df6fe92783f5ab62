/**
 * npm run bench:net
 * 1. Bytes per second through one simulated TCP connection (Node, no isolate).
 * 2. UDP datagrams per second.
 * 3. Grading p50 of each socket exercise's reference through the sandbox (isolated-vm), when
 *    the sandbox package is present (this package's module is registered for the run).
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runScenario, socketApi, socketModule, type World } from "../src/index.ts";

const { SOCK_DGRAM } = socketApi;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

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

interface Grader {
  grade(exercise: unknown, source: string, options: { seed: number }): Promise<{ score: number; maxScore: number }>;
  registerPlatformModule(module: typeof socketModule): void;
}
interface Loader {
  loadExercise(root: string, id: string): Promise<{ files: Record<string, string> }>;
}

async function gradingP50(): Promise<void> {
  const names = ["@autograder/sandbox", "@autograder/exercise-format"];
  let sandbox: Grader;
  let format: Loader;
  try {
    [sandbox, format] = (await Promise.all(names.map((n) => import(n)))) as [Grader, Loader];
    sandbox.registerPlatformModule(socketModule);
  } catch (error) {
    console.log(`grading p50: skipped (sandbox not available: ${(error as Error).message})`);
    return;
  }
  const root = fileURLToPath(new URL("../../../exercises/", import.meta.url));
  for (const name of readdirSync(`${root}sockets`).sort()) {
    const exercise = await format.loadExercise(root, `sockets/${name}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const report = await sandbox.grade(exercise, exercise.files["solution.ts"] ?? "", { seed: 1 });
      times.push(performance.now() - started);
      if (report.score !== report.maxScore) throw new Error(`reference of ${name} scored ${report.score}/${report.maxScore}`);
    }
    console.log(`grading p50 sockets/${name}: ${percentile(times, 0.5).toFixed(0)} ms (${RUNS} runs)`);
  }
}

await tcpThroughput(1 << 20, {}); // warm-up
console.log(`TCP, mss 1460:   ${fmt(await tcpThroughput(16 << 20, {}))}B/s through one connection (16 MiB)`);
console.log(`TCP, mss 65536:  ${fmt(await tcpThroughput(64 << 20, { mss: 65536 }))}B/s through one connection (64 MiB)`);
console.log(`TCP, split=random: ${fmt(await tcpThroughput(4 << 20, { split: "random", seed: 1 }))}B/s (4 MiB)`);
console.log(`UDP: ${fmt(await udpRate(50_000))} datagrams/s (50,000 datagrams of 100 bytes)`);
await gradingP50();
