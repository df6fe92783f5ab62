// A small reader of prisma/schema.prisma for the drift test: models, fields, enums, indexes.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: string;
}
export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  indexes: { columns: string[]; unique: boolean }[];
}

export function readSchema(file = path.resolve(import.meta.dirname, "../../../prisma/schema.prisma")) {
  const text = readFileSync(file, "utf8");
  const models: SchemaModel[] = [];
  const enums = new Map<string, string[]>();
  for (const block of text.matchAll(/^(model|enum)\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const [, kind, name, body] = block as unknown as [string, string, string, string];
    const lines = body
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").trim())
      .filter(Boolean);
    if (kind === "enum") {
      enums.set(name, lines);
      continue;
    }
    const model: SchemaModel = { name, fields: [], indexes: [] };
    for (const line of lines) {
      const block = /^@@(index|unique|id)\(\[([^\]]+)\]/.exec(line);
      if (block) {
        model.indexes.push({ columns: block[2]!.split(",").map((c) => c.trim()), unique: block[1] !== "index" });
        continue;
      }
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!m) continue;
      const field = { name: m[1]!, type: m[2]!, list: Boolean(m[3]), optional: Boolean(m[4]), attributes: m[5] ?? "" };
      model.fields.push(field);
      if (/@unique\b/.test(field.attributes)) model.indexes.push({ columns: [field.name], unique: true });
    }
    models.push(model);
  }
  return { models, enums };
}
