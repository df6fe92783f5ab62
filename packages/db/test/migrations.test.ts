import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, readMigrations } from "@autograder/db";
import { createTestDatabase, type TestDatabase } from "../../../test-support/database.ts";
import { readSchema } from "./schema-parser.ts";

const PG_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
};

let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

describe("migrations", () => {
  it("records every migration in Prisma's table with Prisma's checksum", async () => {
    const migrations = await readMigrations();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i]!.checksum);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applying again is a no-op", async () => {
    expect(await applyMigrations(db.url)).toEqual([]);
  });

  it("refuses a migration edited after it was applied", async () => {
    await client.query(`UPDATE "_prisma_migrations" SET checksum = 'x' WHERE migration_name = (SELECT min(migration_name) FROM "_prisma_migrations")`);
    await expect(applyMigrations(db.url)).rejects.toThrow(/changed after it was applied/);
  });
});

describe("the migrated database matches schema.prisma", () => {
  const schema = readSchema();
  const modelNames = new Set(schema.models.map((m) => m.name));

  it("has every enum with the same values", async () => {
    for (const [name, values] of schema.enums) {
      const { rows } = await client.query(
        `SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
        [name],
      );
      expect(rows.map((r) => r.enumlabel), name).toEqual(values);
    }
  });

  it.each(schema.models.map((m) => [m.name, m] as const))("model %s: every column with its type and nullability", async (_name, model) => {
    const { rows } = await client.query(
      `SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [model.name],
    );
    const columns = new Map(rows.map((r) => [r.column_name as string, r]));
    const scalars = model.fields.filter((f) => !modelNames.has(f.type));
    expect(scalars.length).toBeGreaterThan(0);
    for (const field of scalars) {
      const col = columns.get(field.name);
      expect(col, `${model.name}.${field.name}`).toBeDefined();
      const expectedType = schema.enums.has(field.type)
        ? field.type
        : field.attributes.includes("@db.Uuid")
          ? "uuid"
          : PG_TYPES[field.type];
      const actualType = col.data_type === "USER-DEFINED" || col.data_type === "uuid" ? col.udt_name : col.data_type;
      expect(actualType, `${model.name}.${field.name} type`).toBe(expectedType);
      expect(col.is_nullable === "YES", `${model.name}.${field.name} nullable`).toBe(field.optional);
    }
    expect(columns.size, `${model.name} has no extra columns`).toBe(scalars.length);
  });

  it("has every index and unique constraint", async () => {
    const { rows } = await client.query(`
      SELECT t.relname AS table, ix.indisunique AS unique,
             array_agg(a.attname::text ORDER BY array_position(ix.indkey, a.attnum)) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey)
      GROUP BY t.relname, ix.indexrelid, ix.indisunique`);
    const found = new Set(rows.map((r) => `${r.table}(${(r.columns as string[]).join(",")})${r.unique ? "!" : ""}`));
    for (const model of schema.models) {
      for (const index of model.indexes) {
        const key = `${model.name}(${index.columns.join(",")})${index.unique ? "!" : ""}`;
        expect(found.has(key), key).toBe(true);
      }
    }
  });
});
