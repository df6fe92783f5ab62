// Chooses the database: DATABASE_URL when given, else an embedded PostgreSQL whose
// data lives under DATA_DIR/postgres and survives restarts.
import path from "node:path";
import { checkDatabase, parseDatabaseUrl, startEmbeddedPostgres } from "@autograder/db";

export interface DatabaseHandle {
  url: string;
  description: string;
  stop(): Promise<void>;
}

const PREFERRED_EMBEDDED_PORT = 54329;

export async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<DatabaseHandle> {
  if (databaseUrl) {
    const target = parseDatabaseUrl(databaseUrl);
    await checkDatabase(databaseUrl);
    return {
      url: databaseUrl,
      description: `PostgreSQL at ${target.host}:${target.port}/${target.database} (DATABASE_URL)`,
      stop: async () => {},
    };
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: PREFERRED_EMBEDDED_PORT,
    database: "autograder",
  });
  return {
    url: db.url,
    description: `embedded PostgreSQL on 127.0.0.1:${db.port}, data in ${db.dataDir}`,
    stop: () => db.stop(),
  };
}
