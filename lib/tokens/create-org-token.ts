import "server-only";
import { db } from "@/lib/server/db";
import { generateToken, hashToken, tokenHint } from "@/lib/auth/tokens";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import type { TNewOrgToken } from "./schemas";

/** Creates an org API token. The secret is returned once; only its SHA-256 is stored. */
export async function createOrgToken(orgId: string, actor: TAuditEntry["actor"], input: TNewOrgToken) {
  const secret = generateToken("org");
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        orgId,
        kind: input.kind,
        name: input.name,
        tokenHash: hashToken(secret),
        hint: tokenHint(secret),
        createdById: "userId" in actor ? actor.userId : null,
      },
      select: { id: true, name: true, kind: true, hint: true, createdAt: true },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "token.created",
      target: { type: "api_token", id: created.id, label: created.name },
      after: { name: created.name, kind: created.kind, hint: created.hint },
    });
    return created;
  });
  return { token, secret };
}
