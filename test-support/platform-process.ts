// Runs `npm start`'s entry point as a child process, as a person would.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");

export interface PlatformProcess {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  errors(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): Promise<number | null>;
}

/** `command`: argv as Docker would run it (["node", ...] runs this test's node). */
export function startPlatformProcess(env: NodeJS.ProcessEnv, command: string[] = ["node", "--no-node-snapshot", "--import", "tsx", "scripts/start.ts"]): PlatformProcess {
  const [file, ...args] = command;
  const child = spawn(file === "node" ? process.execPath : file!, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", DATABASE_URL: "", ...env },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    errors: () => err,
    exited: () => exit,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = out.match(pattern);
        if (m) return m;
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before ${pattern}: ${out}\n${err}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}: ${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
