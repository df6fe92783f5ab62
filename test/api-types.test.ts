// The web app's generated API types (apps/web/src/generated/openapi.ts) are exactly what
// `npm run api:types` makes from today's OpenAPI document: a schema change that is not
// regenerated fails here, so the web's types can never drift from the API's.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { GENERATED_PATH, generateApiTypes, openApiDocument } from "../scripts/api-types.ts";

describe("generated API types", () => {
  it("the committed file is what the current OpenAPI document generates (run `npm run api:types`)", async () => {
    const committed = await readFile(GENERATED_PATH, "utf8");
    const fresh = await generateApiTypes();
    expect(fresh.length).toBeGreaterThan(10_000);
    expect(committed === fresh, "apps/web/src/generated/openapi.ts is stale: run `npm run api:types`").toBe(true);
  });

  it("the document has the routes the web types are taken from", async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ["/api/courses/{id}", "/api/courses/{id}/assignments", "/api/courses/{id}/gradebook"]) expect(doc.paths[path]?.get, path).toBeDefined();
  });
});
