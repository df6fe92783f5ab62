// Turns DATABASE_URL problems into one line a person can act on.
import pg from "pg";

export interface DatabaseTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(
      "DATABASE_URL is not a valid URL: expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (or unset it to use the embedded PostgreSQL).",
    );
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new DatabaseUrlError(
      `DATABASE_URL must start with postgresql:// (got "${parsed.protocol}//"): expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!parsed.hostname || !database) {
    throw new DatabaseUrlError(
      "DATABASE_URL must name a host and a database: postgresql://USER:PASSWORD@HOST:PORT/DATABASE.",
    );
  }
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 5432,
    database,
    user: decodeURIComponent(parsed.username),
  };
}

/** One line that says which server failed, why, and what to do. */
export function describeConnectionError(err: unknown, target: DatabaseTarget): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  const where = `PostgreSQL at ${target.host}:${target.port} (database "${target.database}")`;
  switch (e.code) {
    case "ECONNREFUSED":
      return `Cannot reach ${where}: connection refused. Is the server running on that port? Unset DATABASE_URL to use the embedded PostgreSQL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach ${where}: host "${target.host}" is unknown. Check the host name in DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Cannot reach ${where}: the connection timed out. Check the host, port and firewall.`;
    case "28P01":
    case "28000":
      return `${where} refused user "${target.user}": wrong user or password in DATABASE_URL.`;
    case "3D000":
      return `${where} has no database "${target.database}": create it (createdb ${target.database}) or fix DATABASE_URL.`;
    default:
      return `Cannot use ${where}: ${e.message ?? String(err)}`;
  }
}

/** Connects once; throws an Error whose message is the one-line description. */
export async function checkDatabase(url: string, timeoutMs = 5000): Promise<void> {
  const target = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    throw new DatabaseUrlError(describeConnectionError(err, target));
  } finally {
    await client.end().catch(() => {});
  }
}
