import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { issueSsoTicket } from "@/lib/auth/sso-ticket";
import { syncDirectoryAccess } from "../directory-access";
import { SsoError } from "../errors";
import type { TVerifiedIdentity } from "../types";
import { auditAccessChange } from "./audit-access";

// From a verified identity to a sign-in ticket, in a handful of queries: the four lookups run
// together, then one transaction links the identity, re-applies the group mappings, audits what
// changed and stores the ticket. Nothing leaves the database, so this stays within milliseconds.

type TConnectionPolicy = { jit: boolean; defaultRole: "owner" | "admin" | "member"; sessionHours: number | null };

const domainOf = (email: string): string | null => {
  const at = email.lastIndexOf("@");
  return at > 0 && at < email.length - 1 ? email.slice(at + 1) : null;
};

/**
 * Signs the identity's person into the org: the org's connection must be enabled and the email's
 * domain claimed by the org (its IdP is the authority for that domain, and no other org can claim
 * it, so no IdP signs in someone of another org's domain). The person is the user this IdP subject
 * signed in before, else the user with this email, else (JIT) a new user. Returns the ticket's
 * secret for the /login/sso hand-over. Refusals throw SsoError.
 */
export async function completeSsoSignIn(identity: TVerifiedIdentity): Promise<{ ticket: string; userId: string }> {
  const { orgId, protocol, subject } = identity;
  const email = identity.email.trim().toLowerCase();
  const domain = domainOf(email);
  const [connection, claimed, linked, byEmail] = await Promise.all([
    db.ssoConnection.findUnique({
      where: { orgId },
      select: { enabled: true, jit: true, defaultRole: true, sessionHours: true },
    }),
    domain ? db.ssoDomain.findUnique({ where: { orgId_domain: { orgId, domain } }, select: { domain: true } }) : null,
    db.ssoIdentity.findUnique({
      where: { orgId_protocol_subject: { orgId, protocol, subject } },
      select: { userId: true },
    }),
    db.user.findUnique({ where: { email }, select: { id: true } }),
  ]);
  if (!connection?.enabled) throw new SsoError("SsoNotConfigured", "the org's connection is missing or switched off");
  if (!claimed) throw new SsoError("SsoDomainNotClaimed", `the org has not claimed the domain of ${email}`);
  const existingUserId = linked?.userId ?? byEmail?.id ?? null;
  if (!existingUserId && !connection.jit) {
    throw new SsoError("SsoNoAccount", `no account for ${email} and just-in-time provisioning is off`);
  }
  return db.$transaction((tx) => signIn(tx, identity, email, existingUserId, connection));
}

async function signIn(
  tx: Tx,
  identity: TVerifiedIdentity,
  email: string,
  existingUserId: string | null,
  connection: TConnectionPolicy,
): Promise<{ ticket: string; userId: string }> {
  const { orgId, protocol, subject } = identity;
  const userId = existingUserId ?? (await createUser(tx, email, identity.name));
  const groups = [...new Set(identity.groups)];
  const now = new Date();
  // Keyed by (org, user): an IdP that changed its subjects (a new connection, SAML after OIDC)
  // re-links the person found by email instead of failing.
  await tx.ssoIdentity.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, protocol, subject, email, groups, lastSignInAt: now },
    update: { protocol, subject, email, groups, lastSignInAt: now },
  });
  const change = await syncDirectoryAccess(tx, {
    orgId,
    userId,
    source: "sso",
    createMembership: connection.jit,
    defaultRole: connection.defaultRole === "admin" ? "admin" : "member",
  });
  const membership = await tx.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { id: true, role: true },
  });
  // Rolls the transaction back: a refused sign-in leaves no user, identity or membership behind.
  if (!membership) throw new SsoError("SsoNoAccount", `${email} is not a member and may not become one`);
  await auditAccessChange(tx, { orgId, user: { id: userId, email }, membership, protocol, change });
  const sessionUntil = connection.sessionHours ? new Date(now.getTime() + connection.sessionHours * 3_600_000) : null;
  const ticket = await issueSsoTicket(tx, { orgId, userId, callbackUrl: identity.callbackUrl, sessionUntil });
  return { ticket, userId };
}

/** A JIT user: no password (they sign in through the IdP); the name the IdP gave, else the address. */
async function createUser(tx: Tx, email: string, name: string): Promise<string> {
  // An upsert, not a create: a second tab finishing the same first sign-in finds the user.
  const user = await tx.user.upsert({
    where: { email },
    create: { email, name: name.trim().slice(0, 200) || email },
    update: {},
    select: { id: true },
  });
  return user.id;
}
