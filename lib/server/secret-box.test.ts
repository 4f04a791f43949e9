import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { restoreEncryptionKeys, setEncryptionKeys } from "@/lib/testing/encryption-keys";
import { ZEnv } from "./env";
import { decryptSecret, encryptSecret, keyIdOf, MISSING_KEY_MESSAGE, SecretBoxError } from "./secret-box";

const newKey = () => randomBytes(32);
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return "opened";
  } catch (err) {
    return err instanceof SecretBoxError ? err.reason : (err as Error).message;
  }
};

beforeEach(() => setEncryptionKeys(newKey().toString("base64")));
afterEach(restoreEncryptionKeys);

describe("secret box", () => {
  it("round-trips a token in a versioned value naming its key, never containing the plaintext", () => {
    const key = newKey();
    setEncryptionKeys(key.toString("hex"));
    const token = "bmp_cl_" + randomBytes(32).toString("base64url");
    const sealed = encryptSecret(token, "cluster-token:1");

    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed.split(".")[1]).toBe(keyIdOf(key));
    expect(sealed).not.toContain(token.slice(7, 20));
    expect(decryptSecret(sealed, "cluster-token:1")).toBe(token);
    // A fresh IV each time: the same secret never seals to the same value.
    expect(encryptSecret(token, "cluster-token:1")).not.toBe(sealed);
  });

  it("accepts the key as hex, base64 or base64url, all naming the same key", () => {
    const key = newKey();
    const sealed = [key.toString("hex"), key.toString("base64"), key.toString("base64url")].map((text) => {
      setEncryptionKeys(text);
      return encryptSecret("s");
    });
    expect(new Set(sealed.map((s) => s.split(".")[1]))).toEqual(new Set([keyIdOf(key)]));
    setEncryptionKeys(key.toString("base64"));
    expect(sealed.map((s) => decryptSecret(s))).toEqual(["s", "s", "s"]);
  });

  it("opens values sealed under the previous key after a key change, and seals new ones under the new key", () => {
    const oldKey = newKey().toString("base64");
    setEncryptionKeys(oldKey);
    const sealedBefore = encryptSecret("agent-token", "ctx");

    const newKeyText = newKey().toString("base64");
    setEncryptionKeys(newKeyText, oldKey);
    expect(decryptSecret(sealedBefore, "ctx")).toBe("agent-token");
    const sealedAfter = encryptSecret("agent-token", "ctx");
    expect(sealedAfter.split(".")[1]).not.toBe(sealedBefore.split(".")[1]);

    // Once the previous key is dropped, old values are refused by name, not by a crypto error.
    setEncryptionKeys(newKeyText);
    expect(reasonOf(() => decryptSecret(sealedBefore, "ctx"))).toBe("unknown_key");
    expect(decryptSecret(sealedAfter, "ctx")).toBe("agent-token");
  });

  it("refuses a value that was altered, sealed for another context, or is not a sealed value", () => {
    const sealed = encryptSecret("agent-token", "cluster-token:a");
    const [version, keyId, iv, tag, ciphertext] = sealed.split(".");
    const flipped = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);

    expect(reasonOf(() => decryptSecret(sealed, "cluster-token:b"))).toBe("undecryptable");
    expect(reasonOf(() => decryptSecret([version, keyId, iv, tag, flipped].join(".")))).toBe("undecryptable");
    expect(reasonOf(() => decryptSecret([version, keyId, iv, iv, ciphertext].join(".")))).toBe("malformed");
    expect(reasonOf(() => decryptSecret("bmp_cl_plaintext"))).toBe("malformed");
    expect(reasonOf(() => decryptSecret(sealed.replace(/^v1/, "v2")))).toBe("malformed");
  });

  it("without a key, sealing and opening fail with a message saying which variable to set", () => {
    const sealed = encryptSecret("agent-token");
    setEncryptionKeys(undefined);
    expect(() => encryptSecret("agent-token")).toThrow(MISSING_KEY_MESSAGE);
    expect(() => decryptSecret(sealed)).toThrow(/BUMPERS_ENCRYPTION_KEY is not set/);
  });

  it("rejects keys that are not 32 bytes, naming the variable", () => {
    for (const bad of ["short", randomBytes(16).toString("base64"), "z".repeat(64), randomBytes(33).toString("hex")]) {
      const parsed = ZEnv.safeParse({ BUMPERS_ENCRYPTION_KEY: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({
        path: ["BUMPERS_ENCRYPTION_KEY"],
        message: expect.stringContaining("BUMPERS_ENCRYPTION_KEY must be 32 random bytes"),
      });
    }
    const previous = ZEnv.safeParse({ BUMPERS_ENCRYPTION_KEY_PREVIOUS: "nope" });
    expect(previous.error?.issues[0].message).toContain("BUMPERS_ENCRYPTION_KEY_PREVIOUS must be");
    expect(ZEnv.parse({ BUMPERS_ENCRYPTION_KEY: "  " }).BUMPERS_ENCRYPTION_KEY).toBeUndefined();
  });
});
