// The tool's own RSA signing keys (LTI 1.3 requires RS256). Private keys are stored encrypted
// (AES-256-GCM under a 32-byte key that never enters the database); public keys are published
// as a JWKS. Rotation creates a new key that signs from then on; the retired key stays in the
// JWKS for RETIRED_KEY_GRACE_MS so a platform holding a token we signed with it can still check it.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { Type } from "typebox";
import type { PrismaClient } from "@autograder/db";
import { parseContract } from "@autograder/shared/contracts";

export const TOOL_KEY_ALG = "RS256";
/** Longer than any token we sign (client assertions and deep-linking responses live 5 minutes). */
export const RETIRED_KEY_GRACE_MS = 60 * 60 * 1000;

const CIPHER_VERSION = "v1";

const PublicJwk = Type.Object({
  kty: Type.Literal("RSA"),
  n: Type.String({ minLength: 1 }),
  e: Type.String({ minLength: 1 }),
  kid: Type.String({ minLength: 1 }),
  alg: Type.Literal(TOOL_KEY_ALG),
  use: Type.Literal("sig"),
});
const PrivateJwk = Type.Object(
  { kty: Type.Literal("RSA"), n: Type.String(), e: Type.String(), d: Type.String(), p: Type.String(), q: Type.String() },
  { additionalProperties: true },
);

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface ToolKeyStore {
  /** The key that signs now; creates the first key on first use. */
  signingKey(): Promise<SigningKey>;
  /** Public keys to publish: the current key and keys retired less than the grace period ago. */
  publicJwks(): Promise<{ keys: JWK[] }>;
  /** Makes a new key the signing key and retires the others; returns the new kid. */
  rotate(): Promise<string>;
}

export function encryptPrivateKey(plain: string, encryptionKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [CIPHER_VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptPrivateKey(sealed: string, encryptionKey: Buffer): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== CIPHER_VERSION || !iv || !tag || ciphertext === undefined) throw new Error("unreadable tool key ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * The 32-byte key that encrypts tool keys: LTI_KEY_SECRET (64 hex digits or 43 base64url
 * characters) when set, else a random one kept in DATA_DIR/lti-key-secret with mode 0600.
 */
export async function loadKeyEncryptionKey(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return parseKeySecret(configured);
  const file = path.join(dataDir, "lti-key-secret");
  try {
    return parseKeySecret((await readFile(file, "utf8")).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  try {
    await writeFile(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another instance wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return parseKeySecret((await readFile(file, "utf8")).trim());
  }
  return Buffer.from(secret, "hex");
}

function parseKeySecret(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64url");
  if (key.length !== 32) throw new Error("LTI_KEY_SECRET must be 32 bytes: 64 hex digits or 43 base64url characters");
  return key;
}

export function createToolKeyStore(prisma: PrismaClient, encryptionKey: Buffer, now: () => Date = () => new Date()): ToolKeyStore {
  if (encryptionKey.length !== 32) throw new Error("the tool key encryption key must be 32 bytes");

  async function createKey(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true });
    const kid = randomBytes(16).toString("base64url");
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOOL_KEY_ALG, use: "sig" };
    const privateJwk = await exportJWK(privateKey);
    await prisma.ltiToolKey.create({
      data: { kid, publicJwk, privateKeyCiphertext: encryptPrivateKey(JSON.stringify(privateJwk), encryptionKey) },
    });
    return kid;
  }

  async function current() {
    return prisma.ltiToolKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  }

  return {
    async signingKey() {
      let key = await current();
      if (!key) {
        // Two first uses at once may both create a key; the newest signs and both are published.
        await createKey();
        key = await current();
      }
      if (!key) throw new Error("no tool key after creating one");
      const jwk = parseContract(PrivateJwk, JSON.parse(decryptPrivateKey(key.privateKeyCiphertext, encryptionKey)), "tool private key");
      const privateKey = await importJWK({ ...jwk, alg: TOOL_KEY_ALG }, TOOL_KEY_ALG);
      if (privateKey instanceof Uint8Array) throw new Error("tool key is not an RSA key");
      return { kid: key.kid, privateKey };
    },
    async publicJwks() {
      const since = new Date(now().getTime() - RETIRED_KEY_GRACE_MS);
      const keys = await prisma.ltiToolKey.findMany({
        where: { OR: [{ retiredAt: null }, { retiredAt: { gt: since } }] },
        orderBy: { createdAt: "desc" },
      });
      return { keys: keys.map((k) => parseContract(PublicJwk, k.publicJwk, "tool public key")) };
    },
    async rotate() {
      const kid = await createKey();
      await prisma.ltiToolKey.updateMany({ where: { retiredAt: null, kid: { not: kid } }, data: { retiredAt: now() } });
      return kid;
    },
  };
}
