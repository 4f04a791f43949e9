import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import type { TSsoProtocol } from "../schemas";
import { summaryOfStored, type TConnectionSummary } from "./connection-summary";

// The one write of an org's IdP settings, shared by the OIDC and SAML forms. A change of any
// setting clears "validated" (the new IdP has not been checked) and switches enforcement off: an
// enforced connection that points at an IdP nobody has tried would lock every member out, so the
// owner validates and enforces again. Switched on stays on: password sign-in still works meanwhile.

export type TConnectionWrite = {
  protocol: TSsoProtocol;
  settings: Prisma.InputJsonValue;
  summary: TConnectionSummary;
  /** A new client secret (sealed); undefined keeps the stored one. */
  clientSecretSealed?: string;
  /** SAML: the SP key pair generated for the first save; written only when none is stored yet. */
  spKeyPair?: { privateKeySealed: string; certificate: string };
};

export type TSaveOutcome = {
  /** False when the form held exactly what was stored (nothing written, nothing audited). */
  changed: boolean;
  /** The connection was enforced and no longer is; the owner must validate and enforce again. */
  enforcementLifted: boolean;
  /** The connection is switched on and now waits for "validate configuration". */
  enabled: boolean;
};

export async function writeConnection(
  orgId: string,
  actor: TAuditEntry["actor"],
  next: TConnectionWrite,
): Promise<TSaveOutcome> {
  return db.$transaction(async (tx) => {
    // Serializes two owners saving at once, so the audit row's "before" is what the write replaced.
    await tx.$queryRaw`SELECT org_id FROM sso_connections WHERE org_id = ${orgId}::uuid FOR UPDATE`;
    const current = await tx.ssoConnection.findUnique({ where: { orgId } });
    const before = current ? summaryOfStored(current.protocol, current.settings) : null;
    const secretChanged = next.clientSecretSealed !== undefined;
    const settingsChanged = JSON.stringify(before) !== JSON.stringify(next.summary);
    const keyPair = current?.spPrivateKeySealed ? undefined : next.spKeyPair;
    if (current && !settingsChanged && !secretChanged && !keyPair) {
      return { changed: false, enforcementLifted: false, enabled: current.enabled };
    }

    const enforcementLifted = current?.enforced ?? false;
    const columns = {
      protocol: next.protocol,
      settings: next.settings,
      validatedAt: null,
      enforced: false,
      ...(secretChanged ? { clientSecretSealed: next.clientSecretSealed } : {}),
      ...(keyPair ? { spPrivateKeySealed: keyPair.privateKeySealed, spCertificate: keyPair.certificate } : {}),
    };
    await tx.ssoConnection.upsert({ where: { orgId }, create: { orgId, ...columns }, update: columns });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.connection_saved",
      target: { type: "sso_connection", id: orgId, label: next.protocol === "oidc" ? "OIDC" : "SAML" },
      before: current
        ? { ...(before ?? { protocol: current.protocol }), ...(current.enforced ? { enforced: true } : {}) }
        : null,
      after: {
        ...next.summary,
        ...(secretChanged ? { clientSecret: current?.clientSecretSealed ? "replaced" : "set" } : {}),
        ...(keyPair ? { spCertificate: "generated" } : {}),
        ...(enforcementLifted ? { enforced: false } : {}),
      },
    });
    return { changed: true, enforcementLifted, enabled: current?.enabled ?? false };
  });
}
