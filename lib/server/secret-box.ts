import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "./env";

// AES-256-GCM for short secrets that must be read back (never for passwords or org tokens, which
// are only hashed). A sealed value names its format version and its key, so values written under
// an earlier key stay readable through BUMPERS_ENCRYPTION_KEY_PREVIOUS while they are re-sealed.
//
//   v1.<keyId>.<iv>.<tag>.<ciphertext>   keyId: first 8 hex of SHA-256(key); the rest base64url

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v1\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

export const MISSING_KEY_MESSAGE =
  "BUMPERS_ENCRYPTION_KEY is not set. Set it to 32 random bytes in base64 or hex " +
  `(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"); ` +
  "`npm start` generates one into .data/encryption-key by itself.";

/** A sealed value that cannot be opened: damaged, sealed for another context, or under an unknown key. */
export class SecretBoxError extends Error {
  constructor(
    readonly reason: "malformed" | "unknown_key" | "undecryptable",
    message: string,
  ) {
    super(message);
    this.name = "SecretBoxError";
  }
}

type TKey = { id: string; bytes: Buffer };

export const keyIdOf = (key: Buffer): string => createHash("sha256").update(key).digest("hex").slice(0, 8);

function keys(): { current?: TKey; previous?: TKey } {
  const { BUMPERS_ENCRYPTION_KEY: current, BUMPERS_ENCRYPTION_KEY_PREVIOUS: previous } = env();
  return {
    current: current && { id: keyIdOf(current), bytes: current },
    previous: previous && { id: keyIdOf(previous), bytes: previous },
  };
}

/** True when `sealed` was written under the current key (nothing to re-seal after a rotation). */
export function isSealedWithCurrentKey(sealed: string): boolean {
  const current = keys().current;
  return !!current && SEALED.exec(sealed)?.[1] === current.id;
}

/**
 * Seals `plaintext`. `context` (e.g. the row it belongs to) is authenticated but not stored: the
 * value only opens with the same context, so a sealed value copied onto another row is useless.
 */
export function encryptSecret(plaintext: string, context = ""): string {
  const key = keys().current;
  if (!key) throw new Error(MISSING_KEY_MESSAGE);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return [VERSION, key.id, ...parts].join(".");
}

/** Opens a value sealed by encryptSecret under the current or the previous key. */
export function decryptSecret(sealed: string, context = ""): string {
  const match = SEALED.exec(sealed);
  if (!match) throw new SecretBoxError("malformed", "The encrypted value is not in a known format.");
  const [, keyId, ivText, tagText, ciphertextText] = match;
  const { current, previous } = keys();
  if (!current && !previous) throw new Error(MISSING_KEY_MESSAGE);
  const key = [current, previous].find((k) => k?.id === keyId);
  if (!key) {
    throw new SecretBoxError(
      "unknown_key",
      `The value was encrypted under key ${keyId}, which is neither BUMPERS_ENCRYPTION_KEY nor BUMPERS_ENCRYPTION_KEY_PREVIOUS.`,
    );
  }
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError("malformed", "The encrypted value is not in a known format.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SecretBoxError("undecryptable", "The encrypted value was altered or belongs to another record.");
  }
}
