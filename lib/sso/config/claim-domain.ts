import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { ZSsoDomain } from "../schemas";
import { isFreeMailDomain } from "./free-mail-domains";
import { MAX_SSO_DOMAINS } from "./schemas";

const bad = (message: string) => new AppError("bad_request", message, { field: "domain" });

/** The domain of an address, lower-cased. */
export const domainOfEmail = (email: string) =>
  email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();

/**
 * Claims an email domain for the org's IdP: addresses in it are sent to the org's single sign-on.
 * Only the domain of the acting owner's own address can be claimed: that address proved it is
 * theirs when they signed up (the emailed link) or accepted their invitation, so the owner is
 * someone the domain's mail reaches. Free-mail domains are refused, and a domain belongs to one
 * org at most (a conflict, without saying which org holds it).
 */
export async function claimDomain(orgId: string, actor: TActor, rawDomain: string): Promise<{ domain: string }> {
  const parsed = ZSsoDomain.safeParse(rawDomain);
  if (!parsed.success) throw bad(parsed.error.issues[0]?.message ?? "Enter a domain like example.com.");
  const domain = parsed.data;
  if (isFreeMailDomain(domain)) {
    throw bad(`${domain} is a public email service: anyone can have an address there, so it cannot be claimed.`);
  }
  // The account's address as stored, not the session's copy of it.
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  if (!user) throw notFound("Account not found.");
  const own = domainOfEmail(user.email);
  if (own !== domain) {
    throw bad(
      `You can claim only the domain of your own address (${own}). Ask an owner whose address is in ${domain} to claim it.`,
    );
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.ssoDomain.findUnique({ where: { domain }, select: { orgId: true } });
    if (claimed) {
      throw new AppError(
        "conflict",
        claimed.orgId === orgId
          ? `${domain} is already claimed by this organization.`
          : `${domain} is already claimed by another organization.`,
        { field: "domain" },
      );
    }
    if ((await tx.ssoDomain.count({ where: { orgId } })) >= MAX_SSO_DOMAINS) {
      throw bad(`An organization claims at most ${MAX_SSO_DOMAINS} domains.`);
    }
    // ON CONFLICT: a claim of the same domain committed meanwhile is a conflict too, not a 500.
    const inserted = await tx.$executeRaw`
      INSERT INTO sso_domains (org_id, domain, claimed_by_id) VALUES (${orgId}::uuid, ${domain}, ${actor.userId}::uuid)
      ON CONFLICT (domain) DO NOTHING`;
    if (inserted === 0) throw new AppError("conflict", `${domain} has just been claimed.`, { field: "domain" });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.domain_claimed",
      target: { type: "sso_domain", id: domain, label: domain },
      after: { domain, proof: `owner address in ${domain}` },
    });
    return { domain };
  });
}
