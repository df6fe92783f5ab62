import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT, createLocalJWKSet, jwtVerify } from "jose";
import { createPrisma, type PrismaClient } from "@autograder/db";
import { createTestDatabase, type TestDatabase } from "../../../../test-support/database.ts";
import { RETIRED_KEY_GRACE_MS, createToolKeyStore, decryptPrivateKey, encryptPrivateKey, loadKeyEncryptionKey } from "../../src/lti/tool-keys.ts";

let db: TestDatabase;
let prisma: PrismaClient;
const key = Buffer.alloc(32, 7);

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("tool keys", () => {
  it("seals private keys with AES-GCM: a wrong key or a changed byte is refused", () => {
    const sealed = encryptPrivateKey("secret jwk", key);
    expect(sealed).not.toContain("secret");
    expect(decryptPrivateKey(sealed, key)).toBe("secret jwk");
    expect(() => decryptPrivateKey(sealed, Buffer.alloc(32, 8))).toThrow();
    const parts = sealed.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("A") ? "BB" : "AA");
    expect(() => decryptPrivateKey(parts.join("."), key)).toThrow();
  });

  it("creates a key on first use, stores no plain private key, and publishes only public parts", async () => {
    const store = createToolKeyStore(prisma, key);
    const signing = await store.signingKey();
    const rows = await prisma.ltiToolKey.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toMatch(/"d"\s*:/);
    const jwks = await store.publicJwks();
    expect(jwks.keys.map((k) => k.kid)).toEqual([signing.kid]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const token = await new SignJWT({ hello: "platform" }).setProtectedHeader({ alg: "RS256", kid: signing.kid }).sign(signing.privateKey);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload.hello).toBe("platform");
  });

  it("rotation signs with the new key and serves the old one until the grace period ends", async () => {
    let clock = new Date("2026-12-01T00:00:00Z");
    const store = createToolKeyStore(prisma, key, () => clock);
    const before = await store.signingKey();
    const kid = await store.rotate();
    expect((await store.signingKey()).kid).toBe(kid);
    expect((await store.publicJwks()).keys.map((k) => k.kid).sort()).toEqual([before.kid, kid].sort());
    clock = new Date(clock.getTime() + RETIRED_KEY_GRACE_MS + 1000);
    expect((await store.publicJwks()).keys.map((k) => k.kid)).toEqual([kid]);
  });

  it("keeps a generated encryption key in DATA_DIR with mode 0600, and refuses a short LTI_KEY_SECRET", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lti-key-"));
    const first = await loadKeyEncryptionKey(undefined, dir);
    expect(await loadKeyEncryptionKey(undefined, dir)).toEqual(first);
    expect((await stat(path.join(dir, "lti-key-secret"))).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(dir, "lti-key-secret"), "utf8")).trim()).toHaveLength(64);
    expect(await loadKeyEncryptionKey("ab".repeat(32), dir)).toEqual(Buffer.alloc(32, 0xab));
    await expect(loadKeyEncryptionKey("short", dir)).rejects.toThrow(/32 bytes/);
  });
});
