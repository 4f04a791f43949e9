import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { restoreEncryptionKeys, setEncryptionKeys } from "@/lib/testing/encryption-keys";
import { signUnsubscribe, verifyUnsubscribe } from "./unsubscribe-token";

const newKey = () => randomBytes(32).toString("base64");
const payload = { subscriptionId: "4f9c2d1e-7b7a-4a51-9d0e-2f1c3b5a6e70", kind: "digest" };

beforeEach(() => setEncryptionKeys(newKey()));
afterEach(restoreEncryptionKeys);

describe("unsubscribe tokens", () => {
  it("round-trips the subscription and kind in a URL-safe token", () => {
    const token = signUnsubscribe(payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyUnsubscribe(token)).toEqual(payload);
  });

  it("refuses a token whose payload or signature was changed, cut or made up", () => {
    const token = signUnsubscribe(payload);
    const [body, mac] = token.split(".");
    const other = Buffer.from(JSON.stringify({ s: "another-subscription", k: "digest" })).toString("base64url");
    const flipped = mac.slice(0, -2) + (mac.at(-2) === "A" ? "B" : "A") + mac.at(-1);
    for (const forged of [`${other}.${mac}`, `${body}.${flipped}`, `${body}.`, body, `${body}.${mac}x`, "", "a.b"]) {
      expect(verifyUnsubscribe(forged)).toBeNull();
    }
  });

  it("is bound to the install's key: another key's token is refused, the previous key's accepted during a change", () => {
    const oldKey = newKey();
    setEncryptionKeys(oldKey);
    const token = signUnsubscribe(payload);
    setEncryptionKeys(newKey());
    expect(verifyUnsubscribe(token)).toBeNull();
    setEncryptionKeys(newKey(), oldKey);
    expect(verifyUnsubscribe(token)).toEqual(payload);
  });

  it("is not the key itself: a plain HMAC under the encryption key does not verify (purpose-bound derivation)", async () => {
    const key = newKey();
    setEncryptionKeys(key);
    const { createHmac } = await import("node:crypto");
    const body = Buffer.from(JSON.stringify({ s: payload.subscriptionId, k: payload.kind })).toString("base64url");
    const naive = createHmac("sha256", Buffer.from(key, "base64")).update(`v1.${body}`).digest("base64url");
    expect(verifyUnsubscribe(`${body}.${naive}`)).toBeNull();
    expect(verifyUnsubscribe(signUnsubscribe(payload))).toEqual(payload);
  });

  it("cannot sign without a key, and verifies nothing then", () => {
    const token = signUnsubscribe(payload);
    setEncryptionKeys(undefined);
    expect(() => signUnsubscribe(payload)).toThrow(/BUMPERS_ENCRYPTION_KEY is not set/);
    expect(verifyUnsubscribe(token)).toBeNull();
  });
});
