import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { generateToken, hashToken, tokenHint } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZTokenName } from "@/lib/tokens/schemas";
import { MAX_ACTIVE_SCIM_TOKENS } from "./schemas";

/**
 * A bearer token for the org's SCIM endpoint (/scim/v2/<org>), useless anywhere else. Returned
 * once; only its SHA-256 and a hint are stored.
 */
export async function createScimToken(
  orgId: string,
  actor: TAuditEntry["actor"],
  rawName: string,
): Promise<{ id: string; name: string; hint: string; token: string }> {
  const parsed = ZTokenName.safeParse(rawName);
  if (!parsed.success) {
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Enter a name.", { field: "name" });
  }
  const name = parsed.data;
  const token = generateToken("scim");
  const created = await db.$transaction(async (tx) => {
    // One per IdP app, plus one during a rotation: a handful is plenty, and each is a way in.
    const active = await tx.apiToken.count({ where: { orgId, kind: "scim", revokedAt: null } });
    if (active >= MAX_ACTIVE_SCIM_TOKENS) {
      throw new AppError(
        "bad_request",
        `At most ${MAX_ACTIVE_SCIM_TOKENS} SCIM tokens can be active at once: revoke one you no longer use.`,
        { field: "name" },
      );
    }
    const row = await tx.apiToken.create({
      data: {
        orgId,
        kind: "scim",
        name,
        tokenHash: hashToken(token),
        hint: tokenHint(token),
        createdById: "userId" in actor ? actor.userId : null,
      },
      select: { id: true, name: true, hint: true },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "scim.token_created",
      target: { type: "api_token", id: row.id, label: row.name },
      after: { name: row.name, kind: "scim", hint: row.hint },
    });
    return row;
  });
  return { ...created, token };
}
