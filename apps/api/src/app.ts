// Builds the Fastify application. Each concern is a plugin; routes carry their schemas.
import Fastify, { type FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { PrismaClient } from "@autograder/db";
import type { Config } from "./config.ts";
import { docsPlugin } from "./plugins/docs.ts";
import { errorsPlugin } from "./plugins/errors.ts";
import { healthRoutes } from "./routes/health.ts";

declare module "fastify" {
  interface FastifyInstance {
    prisma: PrismaClient;
    config: Config;
  }
}

export interface AppDependencies {
  config: Config;
  prisma: PrismaClient;
  /** Pino logger options; tests pass false. */
  logger?: boolean | object;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate("prisma", deps.prisma);
  app.decorate("config", deps.config);
  await app.register(errorsPlugin);
  await app.register(docsPlugin);
  await app.register(healthRoutes);
  return app;
}
