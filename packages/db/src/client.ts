import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export * from "./generated/client.ts";

export interface PrismaOptions {
  /** Pool size per process. */
  max?: number;
  /** Fail fast when the server is unreachable instead of hanging. */
  connectionTimeoutMillis?: number;
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3000,
  });
  return new PrismaClient({ adapter });
}
