import "server-only";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { hashPassword } from "@/lib/auth/passwords";
import { hashToken, looksLikeToken, tokenHint } from "@/lib/auth/tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import { ZEmail, ZOrgName, ZOrgSlug, ZPassword } from "./schemas";

export class InitConfigError extends Error {}

function check<T>(label: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const issues = (err as { issues?: { message: string }[] }).issues;
    throw new InitConfigError(`${label}: ${issues?.map((i) => i.message).join(" ") ?? (err as Error).message}`);
  }
}

/**
 * Headless initialization from BUMPERS_INIT_* variables: the org, its owner and an org admin
 * token with exactly the given value. Idempotent: existing rows are left as they are.
 */
export async function initFromEnv(): Promise<string[]> {
  const e = env();
  const done: string[] = [];
  if (!e.BUMPERS_INIT_ORG_SLUG) {
    if (e.BUMPERS_INIT_USER_EMAIL || e.BUMPERS_INIT_ORG_TOKEN) {
      throw new InitConfigError(
        "BUMPERS_INIT_ORG_SLUG must be set with BUMPERS_INIT_USER_EMAIL or BUMPERS_INIT_ORG_TOKEN.",
      );
    }
    return done;
  }
  const slug = check("BUMPERS_INIT_ORG_SLUG", () => ZOrgSlug.parse(e.BUMPERS_INIT_ORG_SLUG));
  const name = check("BUMPERS_INIT_ORG_NAME", () => ZOrgName.parse(e.BUMPERS_INIT_ORG_NAME ?? slug));
  if (e.BUMPERS_INIT_ORG_TOKEN && !looksLikeToken(e.BUMPERS_INIT_ORG_TOKEN, "org")) {
    throw new InitConfigError(
      "BUMPERS_INIT_ORG_TOKEN must look like a generated org token: `bmp_org_` followed by 43 base64url characters " +
        "(32 random bytes), e.g. from `node -e \"console.log('bmp_org_'+require('crypto').randomBytes(32).toString('base64url'))\"`.",
    );
  }
  if (e.BUMPERS_INIT_USER_EMAIL && !e.BUMPERS_INIT_USER_PASSWORD) {
    throw new InitConfigError("BUMPERS_INIT_USER_PASSWORD must be set with BUMPERS_INIT_USER_EMAIL.");
  }

  let org = await db.organization.findUnique({ where: { slug } });
  if (!org) {
    org = await db.organization.create({ data: { slug, name } });
    done.push(`created organization ${slug}`);
  }
  const actor = { userId: null as string | null, label: "BUMPERS_INIT" };

  if (e.BUMPERS_INIT_USER_EMAIL) {
    const email = check("BUMPERS_INIT_USER_EMAIL", () => ZEmail.parse(e.BUMPERS_INIT_USER_EMAIL));
    const password = check("BUMPERS_INIT_USER_PASSWORD", () => ZPassword.parse(e.BUMPERS_INIT_USER_PASSWORD));
    let user = await db.user.findUnique({ where: { email } });
    if (!user) {
      user = await db.user.create({
        data: { email, name: email.split("@")[0], passwordHash: await hashPassword(password) },
      });
      done.push(`created user ${email}`);
    }
    actor.userId = user.id;
    actor.label = email;
    const membership = await db.membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId: user.id } } });
    if (!membership) {
      await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
      done.push(`made ${email} owner of ${slug}`);
    }
  }

  if (e.BUMPERS_INIT_ORG_TOKEN) {
    const tokenHash = hashToken(e.BUMPERS_INIT_ORG_TOKEN);
    const existing = await db.apiToken.findUnique({ where: { tokenHash } });
    if (existing && existing.orgId !== org.id) {
      throw new InitConfigError("BUMPERS_INIT_ORG_TOKEN is already in use by another organization.");
    }
    if (!existing) {
      const orgId = org.id;
      await db.$transaction(async (tx) => {
        const token = await tx.apiToken.create({
          data: {
            orgId,
            kind: "org_admin",
            name: "Initial admin token (BUMPERS_INIT_ORG_TOKEN)",
            tokenHash,
            hint: tokenHint(e.BUMPERS_INIT_ORG_TOKEN!),
            createdById: actor.userId,
          },
        });
        await recordAudit(tx, {
          orgId,
          actor: actor.userId
            ? { userId: actor.userId, label: actor.label }
            : { tokenId: token.id, label: actor.label },
          action: "token.created",
          target: { type: "api_token", id: token.id, label: token.name },
          after: { kind: token.kind, hint: token.hint },
        });
      });
      done.push(`created the org admin token ${tokenHint(e.BUMPERS_INIT_ORG_TOKEN)}`);
    }
  }
  return done;
}
