import type { FastifyInstance } from "fastify";
import { type PrismaClient } from "@autograder/db";
import { type Config } from "../apps/api/src/config.ts";
import { type TestDatabase } from "./database.ts";
export interface TestApp {
    app: FastifyInstance;
    prisma: PrismaClient;
    db: TestDatabase;
    config: Config;
    close(): Promise<void>;
}
export declare function createTestApp(env?: NodeJS.ProcessEnv): Promise<TestApp>;
