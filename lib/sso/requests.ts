import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { randomSecret, sha256Hex } from "@/lib/server/crypto";
import type { TSsoProtocol } from "./schemas";

// Sign-ins in flight. Starting one stores its state server-side (the OIDC `state`, nonce and PKCE
// verifier, or the SAML AuthnRequest ID) and binds it to the browser: the browser keeps a random
// value in a cookie and the row keeps its hash, so a state or response carried to another browser
// is worthless. Consuming is a single UPDATE … WHERE consumed_at IS NULL: a response used twice
// finds nothing the second time.

/** Cookie holding the browser's half of a sign-in in flight. SameSite=Lax: the IdP sends the person
 *  back by a top-level GET (OIDC); SAML's cross-site POST relies on InResponseTo instead. */
export const SSO_BROWSER_COOKIE = "bumpers-sso";
/** A sign-in has this long to come back from the IdP. */
export const SSO_REQUEST_TTL_MS = 10 * 60 * 1000;

export type TSsoRequest = {
  id: string;
  orgId: string;
  protocol: TSsoProtocol;
  nonce: string | null;
  codeVerifier: string | null;
  callbackUrl: string;
};

/** An unguessable request id (SAML IDs must not start with a digit, hence the prefix). */
export const newRequestId = (): string => "_" + randomBytes(20).toString("hex");

/**
 * Records a sign-in we are starting. Returns the cookie value the browser must present with the
 * answer (set it as SSO_BROWSER_COOKIE, HttpOnly, SameSite=Lax, path /api/sso).
 */
export async function createSsoRequest(input: {
  id: string;
  orgId: string;
  protocol: TSsoProtocol;
  nonce?: string | null;
  codeVerifier?: string | null;
  callbackUrl: string;
  browserSecret?: string;
}): Promise<{ browserSecret: string }> {
  const browserSecret = input.browserSecret ?? randomSecret();
  await db.ssoRequest.create({
    data: {
      id: input.id,
      orgId: input.orgId,
      protocol: input.protocol,
      browserHash: sha256Hex(browserSecret),
      nonce: input.nonce ?? null,
      codeVerifier: input.codeVerifier ?? null,
      callbackUrl: input.callbackUrl,
      expiresAt: new Date(Date.now() + SSO_REQUEST_TTL_MS),
    },
  });
  return { browserSecret };
}

/**
 * Takes a request out of flight, once. Null when unknown, already used, expired, of another org or
 * protocol, or (when `browserSecret` is given, as OIDC's callback does) started by another browser.
 * SAML's ACS passes null: the IdP's cross-site POST carries no Lax cookie.
 */
export async function consumeSsoRequest(
  id: string,
  expect: { orgId: string; protocol: TSsoProtocol; browserSecret: string | null },
): Promise<TSsoRequest | null> {
  const rows = await db.$queryRaw<
    {
      id: string;
      org_id: string;
      protocol: TSsoProtocol;
      browser_hash: string;
      nonce: string | null;
      code_verifier: string | null;
      callback_url: string;
    }[]
  >`UPDATE sso_requests SET consumed_at = now()
     WHERE id = ${id} AND org_id = ${expect.orgId}::uuid AND protocol = ${expect.protocol}::sso_protocol
       AND consumed_at IS NULL AND expires_at > now()
     RETURNING id, org_id, protocol, browser_hash, nonce, code_verifier, callback_url`;
  const row = rows[0];
  if (!row) return null;
  if (expect.browserSecret !== null && sha256Hex(expect.browserSecret) !== row.browser_hash) return null;
  return {
    id: row.id,
    orgId: row.org_id,
    protocol: row.protocol,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    callbackUrl: row.callback_url,
  };
}

/** Why consumeSsoRequest found nothing: what the log says and which refusal the person sees. */
export type TUnavailableSsoRequest = "unknown" | "expired" | "used" | "other-browser";

/**
 * After consumeSsoRequest returned null: whether the request never existed for this org and
 * protocol, expired, was already used by this browser, or belongs to another browser.
 */
export async function whySsoRequestUnavailable(
  id: string,
  expect: { orgId: string; protocol: TSsoProtocol; browserSecret: string | null },
): Promise<TUnavailableSsoRequest> {
  const row = await db.ssoRequest.findFirst({
    where: { id, orgId: expect.orgId, protocol: expect.protocol },
    select: { browserHash: true, consumedAt: true },
  });
  if (!row) return "unknown";
  if (expect.browserSecret !== null && sha256Hex(expect.browserSecret) !== row.browserHash) return "other-browser";
  if (row.consumedAt) return "used";
  return "expired";
}

/**
 * Remembers that `key` (a SAML assertion ID, an ID token's identifier) was accepted for this org
 * until `expiresAt`. False when it was already seen: the caller refuses the response as a replay.
 */
export async function acceptOnce(orgId: string, key: string, expiresAt: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO sso_replay_guard (org_id, key, expires_at) VALUES (${orgId}::uuid, ${key}, ${expiresAt})
    ON CONFLICT (org_id, key) DO NOTHING`;
  return inserted === 1;
}

/** Deletes finished and expired sign-in state (the worker's housekeeping calls this). */
export async function pruneSsoState(now = new Date()): Promise<number> {
  const [a, b, c] = await db.$transaction([
    db.ssoRequest.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.ssoReplayGuard.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.ssoSignInTicket.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return a.count + b.count + c.count;
}
