import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/server/env";
import { MISSING_KEY_MESSAGE } from "@/lib/server/secret-box";

// The one-click unsubscribe link of a notification or digest mail carries a token that names the
// subscription, signed so that nobody can unsubscribe someone else by guessing ids. The key is
// derived (HKDF-SHA256, purpose label below) from BUMPERS_ENCRYPTION_KEY, the key the app already
// seals secrets with, so there is no new secret to manage; a token signed under the previous key
// (BUMPERS_ENCRYPTION_KEY_PREVIOUS) still verifies during a key change. Tokens do not expire: an
// unsubscribe link in an old mail must keep working.
//
//   <payload>.<mac>   payload: base64url JSON {s, k}; mac: base64url HMAC-SHA256("v1." + payload)

const PURPOSE = "bumpers/unsubscribe-token/v1";

/** `address`: the one recipient of a shared list the link takes out (a personal subscription has none). */
export type TUnsubscribePayload = { subscriptionId: string; kind: string; address?: string };

const ZPayload = z
  .object({ s: z.string().min(1).max(200), k: z.string().min(1).max(64), a: z.string().max(320).optional() })
  .strict();

const derived = new Map<string, Buffer>();

function signingKey(secret: Buffer): Buffer {
  const id = secret.toString("hex");
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), PURPOSE, 32));
    derived.set(id, key);
  }
  return key;
}

const mac = (key: Buffer, payload: string) => createHmac("sha256", key).update(`v1.${payload}`).digest();

export function signUnsubscribe(payload: TUnsubscribePayload): string {
  const secret = env().BUMPERS_ENCRYPTION_KEY;
  if (!secret) throw new Error(MISSING_KEY_MESSAGE);
  const body = Buffer.from(
    JSON.stringify({ s: payload.subscriptionId, k: payload.kind, ...(payload.address ? { a: payload.address } : {}) }),
  ).toString("base64url");
  return `${body}.${mac(signingKey(secret), body).toString("base64url")}`;
}

/** The payload of a token this app signed; null for anything else (altered, truncated, foreign key). */
export function verifyUnsubscribe(token: string): TUnsubscribePayload | null {
  const match = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, body, signature] = match;
  const given = Buffer.from(signature, "base64url");
  const { BUMPERS_ENCRYPTION_KEY: current, BUMPERS_ENCRYPTION_KEY_PREVIOUS: previous } = env();
  // Every key is checked, whatever the first gives, so the time taken tells nothing.
  const valid = [current, previous]
    .filter((secret): secret is Buffer => !!secret)
    .map((secret) => timingSafeEqual(mac(signingKey(secret), body), given))
    .includes(true);
  if (!valid) return null;
  try {
    const parsed = ZPayload.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return { subscriptionId: parsed.s, kind: parsed.k, ...(parsed.a ? { address: parsed.a } : {}) };
  } catch {
    return null;
  }
}
