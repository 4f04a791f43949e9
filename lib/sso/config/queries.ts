import "server-only";
import type { TAuditRow } from "@/lib/audit/queries";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { notFound } from "@/lib/server/errors";
import { ssoEndpoints } from "../connections";
import type { TOidcSettings, TSamlSettings, TSsoPolicy } from "../schemas";
import { describeCertificate, type TCertificateInfo } from "./certificates";
import { parseStoredSettings } from "./connection-summary";

// Everything Settings → Single sign-on shows, in one read. Secrets never leave the database: the
// page learns only that a client secret is set, and the SP's certificate (public by nature).

export const SSO_POLICY_DEFAULTS: TSsoPolicy = {
  enabled: false,
  enforced: false,
  jit: true,
  allowIdpInitiated: false,
  sessionHours: null,
  defaultRole: "member",
};

const RECENT_AUDIT = 10;

export type TCertificateView = { pem: string } & ({ ok: true; info: TCertificateInfo } | { ok: false; reason: string });

const certificateView = (pem: string): TCertificateView => ({ pem, ...describeCertificate(pem) });

export type TSsoConnectionView =
  | {
      protocol: "oidc";
      /** Null when the stored settings no longer parse: the form starts empty. */
      oidc: TOidcSettings | null;
      clientSecretSet: boolean;
      validatedAt: Date | null;
      updatedAt: Date;
    }
  | {
      protocol: "saml";
      saml: TSamlSettings | null;
      idpCertificates: TCertificateView[];
      spCertificate: TCertificateView | null;
      validatedAt: Date | null;
      updatedAt: Date;
    };

export async function getSsoSettings(orgId: string, origin: string) {
  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      slug: true,
      name: true,
      // Not the SP's private key; the client secret only to tell whether one is set.
      ssoConnection: {
        select: {
          protocol: true,
          enabled: true,
          enforced: true,
          jit: true,
          allowIdpInitiated: true,
          sessionHours: true,
          defaultRole: true,
          settings: true,
          clientSecretSealed: true,
          spCertificate: true,
          validatedAt: true,
          updatedAt: true,
        },
      },
      ssoDomains: {
        orderBy: { domain: "asc" },
        select: { domain: true, createdAt: true, claimedBy: { select: { name: true, email: true } } },
      },
      ssoGroupMappings: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          groupName: true,
          orgRole: true,
          teamRole: true,
          position: true,
          team: { select: { id: true, slug: true, name: true } },
        },
      },
      teams: { orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } },
    },
  });
  if (!org) throw notFound("Organization not found.");
  const [scimTokens, recentAudit] = await Promise.all([
    db.apiToken.findMany({
      where: { orgId, kind: "scim" },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: { id: true, name: true, hint: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
    recentSsoAudit(orgId),
  ]);

  const row = org.ssoConnection;
  let connection: TSsoConnectionView | null = null;
  if (row?.protocol === "oidc") {
    connection = {
      protocol: "oidc",
      oidc: parseStoredSettings("oidc", row.settings),
      clientSecretSet: row.clientSecretSealed !== null,
      validatedAt: row.validatedAt,
      updatedAt: row.updatedAt,
    };
  } else if (row?.protocol === "saml") {
    const saml = parseStoredSettings("saml", row.settings);
    connection = {
      protocol: "saml",
      saml,
      idpCertificates: (saml?.idpCertificates ?? []).map(certificateView),
      spCertificate: row.spCertificate ? certificateView(row.spCertificate) : null,
      validatedAt: row.validatedAt,
      updatedAt: row.updatedAt,
    };
  }
  const policy: TSsoPolicy = row
    ? {
        enabled: row.enabled,
        enforced: row.enforced,
        jit: row.jit,
        allowIdpInitiated: row.allowIdpInitiated,
        sessionHours: row.sessionHours,
        defaultRole: row.defaultRole === "admin" ? "admin" : "member",
      }
    : SSO_POLICY_DEFAULTS;

  return {
    org: { id: org.id, slug: org.slug, name: org.name },
    connection,
    policy,
    domains: org.ssoDomains,
    mappings: org.ssoGroupMappings,
    teams: org.teams,
    scimTokens,
    endpoints: ssoEndpoints(origin, org.slug),
    /** Sessions' lifetime when the policy sets none (BUMPERS_SESSION_IDLE_HOURS). */
    installSessionHours: env().BUMPERS_SESSION_IDLE_HOURS,
    recentAudit,
  };
}

/** The latest changes of the org's SSO configuration and SCIM tokens, newest first. */
async function recentSsoAudit(orgId: string): Promise<TAuditRow[]> {
  const rows = await db.auditLog.findMany({
    where: { orgId, OR: [{ action: { startsWith: "sso." } }, { action: { startsWith: "scim.token_" } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_AUDIT,
  });
  return rows.map((r) => ({
    id: String(r.id),
    createdAt: r.createdAt,
    actorLabel: r.actorLabel,
    actorUserId: r.actorUserId,
    actorTokenId: r.actorTokenId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    before: r.before,
    after: r.after,
  }));
}

export type TSsoSettings = Awaited<ReturnType<typeof getSsoSettings>>;
export type TGroupMappingRow = TSsoSettings["mappings"][number];
export type TScimTokenRow = TSsoSettings["scimTokens"][number];
