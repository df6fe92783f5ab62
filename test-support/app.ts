// Builds the API against a fresh test database (real PostgreSQL, real Fastify).
import type { FastifyInstance } from "fastify";
import { createPrisma, type PrismaClient } from "@autograder/db";
import { buildApp } from "../apps/api/src/app.ts";
import { loadConfig, type Config } from "../apps/api/src/config.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

export interface TestApp {
  app: FastifyInstance;
  prisma: PrismaClient;
  db: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // A fixed LTI key secret: tests never write DATA_DIR/lti-key-secret into the repository.
  const config = loadConfig({ LOG_LEVEL: "silent", LTI_KEY_SECRET: "5e".repeat(32), ...env, DATABASE_URL: db.url });
  const prisma = createPrisma(db.url);
  const app = await buildApp({ config, prisma, logger: false });
  await app.ready();
  return {
    app,
    prisma,
    db,
    config,
    async close() {
      await app.close();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
