// Chooses the database: DATABASE_URL when given, else an embedded PostgreSQL whose
// data lives under DATA_DIR/postgres and survives restarts. The embedded server listens on
// 127.0.0.1 only, with a random password kept in DATA_DIR/postgres-password (mode 0600),
// and is restarted when it dies.
import path from "node:path";
import { checkDatabase, parseDatabaseUrl, startEmbeddedPostgres, type EmbeddedWatch } from "@autograder/db";

export interface DatabaseHandle {
  url: string;
  description: string;
  stop(): Promise<void>;
  /** The embedded server's pid while it runs. */
  pid(): number | undefined;
}

const PREFERRED_EMBEDDED_PORT = 54329;

export const PASSWORD_FILE = "postgres-password";

export async function openDatabase(databaseUrl: string | undefined, dataDir: string, watch?: EmbeddedWatch): Promise<DatabaseHandle> {
  if (databaseUrl) {
    const target = parseDatabaseUrl(databaseUrl);
    await checkDatabase(databaseUrl);
    return {
      url: databaseUrl,
      description: `PostgreSQL at ${target.host}:${target.port}/${target.database} (DATABASE_URL)`,
      stop: async () => {},
      pid: () => undefined,
    };
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: PREFERRED_EMBEDDED_PORT,
    database: "autograder",
    passwordFile: path.join(dataDir, PASSWORD_FILE),
    ...(watch ? { watch } : {}),
  });
  return {
    url: db.url,
    description: `embedded PostgreSQL on 127.0.0.1:${db.port}, data in ${db.dataDir}`,
    stop: () => db.stop(),
    pid: () => db.pid(),
  };
}
