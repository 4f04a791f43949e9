import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { sealClientSecret } from "../connections";
import { ZOidcConnectionInput, type TOidcConnectionInput } from "./schemas";
import { oidcSummary } from "./connection-summary";
import { writeConnection, type TSaveOutcome } from "./write-connection";

/**
 * Saves the org's OpenID Connect settings. The client secret is write-only: sealed with the org as
 * context, a blank one keeps what is stored, and the first OIDC save needs one. Any change clears
 * "validated" and switches enforcement off (writeConnection says why).
 */
export async function saveOidcConnection(
  orgId: string,
  actor: TAuditEntry["actor"],
  input: TOidcConnectionInput,
): Promise<TSaveOutcome> {
  const { clientSecret, ...settings } = ZOidcConnectionInput.parse(input);
  if (!clientSecret) {
    const stored = await db.ssoConnection.findUnique({ where: { orgId }, select: { clientSecretSealed: true } });
    if (!stored?.clientSecretSealed) {
      throw new AppError("bad_request", "Enter the client secret the identity provider gave for this app.", {
        field: "clientSecret",
      });
    }
  }
  return writeConnection(orgId, actor, {
    protocol: "oidc",
    settings,
    summary: oidcSummary(settings),
    clientSecretSealed: clientSecret ? sealClientSecret(orgId, clientSecret) : undefined,
  });
}
