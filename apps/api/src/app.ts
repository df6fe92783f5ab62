// Builds the Fastify application. Each concern is a plugin; routes carry their schemas.
import Fastify, { type FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { PrismaClient } from "@autograder/db";
import type { Config } from "./config.ts";
import { docsPlugin } from "./plugins/docs.ts";
import { errorsPlugin, frameworkErrors } from "./plugins/errors.ts";
import { inputPlugin, strictBodySchemaController } from "./plugins/input.ts";
import { healthRoutes } from "./routes/health.ts";
import { authPlugin } from "./plugins/auth.ts";
import { authRoutes } from "./routes/auth.ts";
import { userRoutes } from "./routes/users.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { courseRoutes } from "./routes/courses.ts";
import { extensionRoutes } from "./routes/extensions.ts";
import { enrolmentRoutes } from "./routes/enrolment.ts";
import { reportRoutes } from "./routes/reports.ts";
import { gradingQueuePlugin } from "./grading/queue-plugin.ts";
import { exerciseRoutes } from "./routes/exercises.ts";
import { submissionRoutes } from "./routes/submissions.ts";
import { authoringRoutes } from "./routes/authoring.ts";
import { regradeRoutes } from "./routes/regrades.ts";
import { customRunRoutes } from "./routes/custom-runs.ts";
import { webPlugin } from "./plugins/web.ts";
import { liveStreamsPlugin } from "./grading/live-streams.ts";
import { ltiServicesPlugin, type LtiServicesOptions } from "./lti/services/plugin.ts";
import { ltiServiceRoutes } from "./routes/lti-services.ts";
import { ltiPlugin, type LtiOptions } from "./lti/index.ts";

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
  /** The database the app runs on (the embedded one when config.databaseUrl is unset). */
  databaseUrl?: string;
  /** LTI services: the tool key store, whether this process works their jobs (default yes). */
  ltiServices?: Omit<LtiServicesOptions, "databaseUrl">;
  /** LTI tuning (tests shorten the platform JWKS refetch cooldown). */
  lti?: LtiOptions;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    // X-Forwarded-* are honoured only from the proxies TRUST_PROXY lists (none by default).
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    schemaController: strictBodySchemaController,
    // Malformed percent-encoding and over-long path params, in the API's error shape.
    frameworkErrors,
    routerOptions: { maxParamLength: 500 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate("prisma", deps.prisma);
  app.decorate("config", deps.config);
  await app.register(errorsPlugin);
  await app.register(inputPlugin);
  await app.register(docsPlugin);
  // Before auth: its budget check must come before the session lookup.
  await app.register(liveStreamsPlugin, { perUser: deps.config.ssePerUser, opensPerSecond: deps.config.sseOpensPerSecond });
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(courseRoutes);
  await app.register(extensionRoutes);
  await app.register(enrolmentRoutes);
  await app.register(reportRoutes);
  await app.register(gradingQueuePlugin, { databaseUrl: deps.databaseUrl ?? deps.config.databaseUrl ?? "" });
  await app.register(exerciseRoutes);
  await app.register(submissionRoutes);
  await app.register(authoringRoutes);
  await app.register(regradeRoutes);
  await app.register(ltiPlugin, deps.lti ?? {});
  // One tool key store for launches (deep-linking responses) and services (client assertions).
  await app.register(ltiServicesPlugin, { databaseUrl: deps.databaseUrl ?? deps.config.databaseUrl ?? "", toolKeys: app.lti.toolKeys(), ...deps.ltiServices });
  await app.register(ltiServiceRoutes);
  await app.register(customRunRoutes);
  await app.register(webPlugin);
  return app;
}
