import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { ZSsoPolicy, type TSsoPolicy } from "../schemas";

const bad = (message: string, field: keyof TSsoPolicy) => new AppError("bad_request", message, { field });

/**
 * How the org uses its connection. Switching it on needs a validated connection; enforcing needs it
 * switched on, validated since the last change of settings, a claimed domain (enforcement applies
 * to addresses in the claimed domains) and an owner with a password (the break-glass way in when
 * the IdP is down). Settings already in force stay allowed: an owner may still change the session
 * lifetime of an enabled connection that waits for validation after a change of IdP.
 */
export async function setSsoPolicy(
  orgId: string,
  actor: TAuditEntry["actor"],
  input: TSsoPolicy,
): Promise<{ changed: boolean; policy: TSsoPolicy }> {
  const policy = ZSsoPolicy.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT org_id FROM sso_connections WHERE org_id = ${orgId}::uuid FOR UPDATE`;
    const current = await tx.ssoConnection.findUnique({ where: { orgId } });
    if (!current) throw notFound("Save the identity provider's settings first.");
    const validated = current.validatedAt !== null;

    if (policy.enabled && !current.enabled && !validated) {
      throw bad("Validate the configuration before switching single sign-on on.", "enabled");
    }
    if (policy.enforced && !current.enforced) {
      if (!policy.enabled) throw bad("Switch single sign-on on to enforce it.", "enforced");
      if (!validated)
        throw bad("Validate the configuration (again, after the last change) before enforcing it.", "enforced");
      const domains = await tx.ssoDomain.count({ where: { orgId } });
      if (domains === 0) throw bad("Claim your email domain first: enforcement applies to its addresses.", "enforced");
      const breakGlass = await tx.membership.count({
        where: { orgId, role: "owner", user: { passwordHash: { not: null } } },
      });
      if (breakGlass === 0) {
        throw bad(
          "Enforcing needs at least one owner who has a password: it is the break-glass way in when the identity provider is down.",
          "enforced",
        );
      }
    }
    if (policy.enforced && !policy.enabled) throw bad("Switch single sign-on on to enforce it.", "enforced");

    const before: TSsoPolicy = {
      enabled: current.enabled,
      enforced: current.enforced,
      jit: current.jit,
      allowIdpInitiated: current.allowIdpInitiated,
      sessionHours: current.sessionHours,
      defaultRole: current.defaultRole === "admin" ? "admin" : "member",
    };
    const changedKeys = (Object.keys(policy) as (keyof TSsoPolicy)[]).filter((k) => policy[k] !== before[k]);
    if (!changedKeys.length) return { changed: false, policy };

    await tx.ssoConnection.update({ where: { orgId }, data: policy });
    const pick = (p: TSsoPolicy) => Object.fromEntries(changedKeys.map((k) => [k, p[k]]));
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.policy_changed",
      target: { type: "sso_connection", id: orgId, label: current.protocol === "oidc" ? "OIDC" : "SAML" },
      before: pick(before),
      after: pick(policy),
    });
    return { changed: true, policy };
  });
}
