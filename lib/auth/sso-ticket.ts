import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { randomSecret, sha256Hex } from "@/lib/server/crypto";

// The hand-over from a verified IdP response (lib/sso/sign-in/finish.ts) to next-auth's "sso"
// provider. The ticket is a random secret that lives only in an HttpOnly cookie (never in a URL, so
// no log, Referer or browser history holds it); the database keeps its SHA-256. It works once and
// for a minute: the /login/sso page posts it to next-auth at once.
//
// The table has a token hash and a browser hash because a ticket could have travelled in a link
// bound to a cookie; here the cookie is the ticket itself, so both columns hold the same hash and
// consuming checks both.

export const SSO_TICKET_COOKIE = "bumpers-sso-ticket";
export const SSO_TICKET_TTL_SECONDS = 60;

export type TSsoTicketUser = {
  id: string;
  email: string;
  name: string;
  ssoOrgId: string;
  /** End of the session this sign-in opens (epoch seconds), or null for the install's default. */
  ssoUntil: number | null;
  callbackUrl: string;
};

/** Stores a new ticket (inside the sign-in's transaction) and returns the secret for the cookie. */
export async function issueSsoTicket(
  tx: Tx,
  input: { orgId: string; userId: string; callbackUrl: string; sessionUntil: Date | null },
): Promise<string> {
  const secret = randomSecret();
  const hash = sha256Hex(secret);
  await tx.ssoSignInTicket.create({
    data: {
      tokenHash: hash,
      browserHash: hash,
      orgId: input.orgId,
      userId: input.userId,
      callbackUrl: input.callbackUrl,
      sessionUntil: input.sessionUntil,
      expiresAt: new Date(Date.now() + SSO_TICKET_TTL_SECONDS * 1000),
    },
  });
  return secret;
}

/** Where a still-usable ticket leads after signing in, without using it up; null when unusable. */
export async function peekSsoTicket(secret: string | null): Promise<{ callbackUrl: string } | null> {
  if (!secret) return null;
  const hash = sha256Hex(secret);
  const row = await db.ssoSignInTicket.findFirst({
    where: { tokenHash: hash, browserHash: hash, consumedAt: null, expiresAt: { gt: new Date() } },
    select: { callbackUrl: true },
  });
  return row;
}

/**
 * Uses the ticket up and returns who it signs in; null when it is unknown, already used or
 * expired. One statement: of two requests racing with the same cookie, one gets the row.
 */
export async function consumeSsoTicket(secret: string | null): Promise<TSsoTicketUser | null> {
  if (!secret) return null;
  const hash = sha256Hex(secret);
  const rows = await db.$queryRaw<
    {
      user_id: string;
      org_id: string;
      session_until: Date | null;
      callback_url: string;
      email: string;
      name: string;
    }[]
  >`WITH used AS (
      UPDATE sso_sign_in_tickets SET consumed_at = now()
       WHERE token_hash = ${hash} AND browser_hash = ${hash} AND consumed_at IS NULL AND expires_at > now()
       RETURNING user_id, org_id, session_until, callback_url
    )
    SELECT used.user_id::text, used.org_id::text, used.session_until, used.callback_url, u.email, u.name
      FROM used JOIN users u ON u.id = used.user_id`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.user_id,
    email: row.email,
    name: row.name,
    ssoOrgId: row.org_id,
    ssoUntil: row.session_until ? Math.floor(row.session_until.getTime() / 1000) : null,
    callbackUrl: row.callback_url,
  };
}

// The cookie: HttpOnly (no script reads it), SameSite=Lax (sent on our own top-level navigation
// and same-site fetches, never on another site's subrequests), Path=/ (both the /login/sso page and
// next-auth's /api/auth/callback/sso read it), Secure on https.

const attributes = (secure: boolean) => `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

export function ssoTicketSetCookie(secret: string, secure: boolean): string {
  return `${SSO_TICKET_COOKIE}=${secret}; ${attributes(secure)}; Max-Age=${SSO_TICKET_TTL_SECONDS}`;
}

export function ssoTicketClearCookie(secure: boolean): string {
  return `${SSO_TICKET_COOKIE}=; ${attributes(secure)}; Max-Age=0`;
}

/** The cookie's value when it has the shape of a ticket (43 base64url characters), else null. */
export const ssoTicketValue = (value: unknown): string | null =>
  typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;

/** The ticket from a Cookie header (next-auth passes the request's headers as an object), or null. */
export function ssoTicketFromCookies(cookieHeader: unknown): string | null {
  if (typeof cookieHeader !== "string") return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SSO_TICKET_COOKIE) return ssoTicketValue(part.slice(eq + 1).trim());
  }
  return null;
}
