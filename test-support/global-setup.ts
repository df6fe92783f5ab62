// Starts one embedded PostgreSQL for the whole test run, on a free port in a temporary
// folder, and migrates a template database. Each test file clones the template
// (test-support/database.ts) so files run in parallel without sharing rows.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from "@autograder/db";
import { installQueue } from "@autograder/queue";

export const TEMPLATE_DB = "autograder_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

let db: EmbeddedDatabase | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-test-pg-"));
  // As root, PostgreSQL runs as a separate user that must be able to enter the folder.
  await chmod(dir, 0o755);
  db = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: TEMPLATE_DB, persistent: false });
  await applyMigrations(db.url);
  await installQueue(db.url);
  project.provide("pgServerUrl", db.urlFor("postgres"));
  project.provide("pgTemplate", TEMPLATE_DB);
}

export async function teardown() {
  await db?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
