// Builds the web app when apps/web/dist is missing (or stale), for `npm start`.
// Runs Vite in a child process so the server's own process stays small.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const WEB_ROOT = import.meta.dirname;
export const WEB_DIST = path.join(WEB_ROOT, "dist");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/index.html is missing or older than a source file. */
export function webBuildNeeded(): boolean {
  const index = path.join(WEB_DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [path.join(WEB_ROOT, "src"), path.join(WEB_ROOT, "index.html"), path.join(WEB_ROOT, "vite.config.ts")];
  return sources.some((s) => existsSync(s) && (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs) > built);
}

/** Runs `vite build` for apps/web; resolves when dist/ is written. */
export function buildWeb(log: (line: string) => void = () => {}): Promise<void> {
  const require = createRequire(path.join(WEB_ROOT, "package.json"));
  const viteBin = path.join(path.dirname(require.resolve("vite/package.json")), "bin", "vite.js");
  return new Promise((resolve, reject) => {
    const started = new Date();
    // A production build whatever the caller's NODE_ENV (vitest sets "test", which would
    // give React's development build).
    const env = { ...process.env, NODE_ENV: "production" };
    const child = spawn(process.execPath, [viteBin, "build", "--logLevel", "warn"], { cwd: WEB_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        // Dated when the build started: a source saved during the build still counts as newer.
        utimesSync(path.join(WEB_DIST, "index.html"), started, started);
        resolve();
      } else {
        log(output.trim());
        reject(new Error(`building the web app failed (vite exited ${code})`));
      }
    });
  });
}

/** For `npm start`: builds apps/web/dist when it is missing or older than its sources. */
export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<{ built: boolean; ms: number }> {
  if (!webBuildNeeded()) return { built: false, ms: 0 };
  const started = Date.now();
  log("Building the web app (apps/web/dist is missing or out of date)...");
  await buildWeb(log);
  const ms = Date.now() - started;
  log(`Built the web app in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  ensureWebBuilt((l) => process.stdout.write(`${l}\n`)).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  });
}
