import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { ssoEndpoints } from "../connections";
import { checkOidc } from "./check-oidc";
import { checkSaml } from "./check-saml";
import { parseStoredSettings } from "./connection-summary";
import type { TRegisterValue, TValidationCheck, TValidationResult } from "./validation-checks";

/** What the owner enters at the IdP for this org, per protocol. */
export function registerValues(protocol: "oidc" | "saml", origin: string, orgSlug: string): TRegisterValue[] {
  const endpoints = ssoEndpoints(origin, orgSlug);
  return protocol === "oidc"
    ? [
        { label: "Redirect URI (sign-in redirect / callback URL)", value: endpoints.oidcRedirectUri },
        { label: "Initiate login URI (optional)", value: endpoints.start },
      ]
    : [
        { label: "SP entity ID (audience)", value: endpoints.samlEntityId },
        { label: "ACS URL (reply URL)", value: endpoints.samlAcs },
        { label: "SP metadata URL", value: endpoints.samlMetadata },
      ];
}

/**
 * "Validate configuration": runs the protocol's checks against the IdP as configured now. When
 * none finds a problem (warnings pass) the connection is marked validated, which switching single
 * sign-on on and enforcing it require; settings saved while the checks ran keep it unvalidated.
 */
export async function validateSsoConnection(
  orgId: string,
  actor: TAuditEntry["actor"],
  origin: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<TValidationResult> {
  const row = await db.ssoConnection.findUnique({
    where: { orgId },
    include: { org: { select: { slug: true } } },
  });
  if (!row) throw notFound("Save the identity provider's settings first.");
  const register = registerValues(row.protocol, origin, row.org.slug);
  let checks: TValidationCheck[];
  if (row.protocol === "oidc") {
    const settings = parseStoredSettings("oidc", row.settings);
    if (!settings) throw new AppError("bad_request", "The stored OIDC settings are incomplete: save them again.");
    checks = await checkOidc(settings, row.clientSecretSealed !== null);
  } else {
    const settings = parseStoredSettings("saml", row.settings);
    if (!settings) throw new AppError("bad_request", "The stored SAML settings are incomplete: save them again.");
    checks = await checkSaml(settings, row.spCertificate, now);
  }
  const passed = checks.every((c) => c.status !== "problem");
  if (!passed) return { passed, checks, register, validatedAt: row.validatedAt };

  const validatedAt = await db.$transaction(async (tx) => {
    // Only the settings that were checked: a save in the meantime (updatedAt moved) wins.
    const { count } = await tx.ssoConnection.updateMany({
      where: { orgId, updatedAt: row.updatedAt },
      data: { validatedAt: now },
    });
    if (count === 0) return null;
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.validated",
      target: { type: "sso_connection", id: orgId, label: row.protocol === "oidc" ? "OIDC" : "SAML" },
      after: {
        result: "passed",
        warnings: checks.filter((c) => c.status === "warning").map((c) => c.label),
      },
    });
    return now;
  });
  return { passed, checks, register, validatedAt };
}
