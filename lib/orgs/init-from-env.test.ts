import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { verifyPassword } from "@/lib/auth/passwords";
import { uniqueSuffix } from "@/lib/testing/factories";
import { initFromEnv } from "./init-from-env";

const KEYS = [
  "BUMPERS_INIT_ORG_SLUG",
  "BUMPERS_INIT_ORG_NAME",
  "BUMPERS_INIT_USER_EMAIL",
  "BUMPERS_INIT_USER_PASSWORD",
  "BUMPERS_INIT_ORG_TOKEN",
] as const;

function setInit(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, values);
  resetEnvCache();
}

afterEach(() => setInit({}));

describe("headless start from BUMPERS_INIT_*", () => {
  it("does nothing when no variable is set", async () => {
    setInit({});
    expect(await initFromEnv()).toEqual([]);
  });

  it("creates the org, its owner and an admin token with exactly the given value, idempotently", async () => {
    const slug = `init-${uniqueSuffix()}`;
    const email = `root-${uniqueSuffix()}@test.example`;
    const token = generateToken("org");
    setInit({
      BUMPERS_INIT_ORG_SLUG: slug,
      BUMPERS_INIT_ORG_NAME: "Init Org",
      BUMPERS_INIT_USER_EMAIL: email,
      BUMPERS_INIT_USER_PASSWORD: "a long enough password",
      BUMPERS_INIT_ORG_TOKEN: token,
    });
    const first = await initFromEnv();
    expect(first).toHaveLength(4);
    const org = await db.organization.findUniqueOrThrow({ where: { slug } });
    expect(org.name).toBe("Init Org");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword("a long enough password", user.passwordHash)).toBe(true);
    const membership = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: org.id, userId: user.id } },
    });
    expect(membership.role).toBe("owner");
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored).toMatchObject({ orgId: org.id, kind: "org_admin", revokedAt: null });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "token.created" } })).toBe(1);

    expect(await initFromEnv()).toEqual([]);
    expect(await db.apiToken.count({ where: { orgId: org.id } })).toBe(1);
    expect(await db.membership.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("refuses a token that does not look generated, before creating anything", async () => {
    const slug = `init-${uniqueSuffix()}`;
    for (const bad of ["secret", "bmp_org_tooshort", generateToken("cluster"), "bmp_org_" + "a".repeat(42) + "!"]) {
      setInit({ BUMPERS_INIT_ORG_SLUG: slug, BUMPERS_INIT_ORG_TOKEN: bad });
      await expect(initFromEnv()).rejects.toThrow(/BUMPERS_INIT_ORG_TOKEN must look like a generated org token/);
    }
    expect(await db.organization.findUnique({ where: { slug } })).toBeNull();
  });

  it("names the variable that is wrong", async () => {
    setInit({ BUMPERS_INIT_ORG_SLUG: "Not A Slug!" });
    await expect(initFromEnv()).rejects.toThrow(/BUMPERS_INIT_ORG_SLUG/);
    setInit({ BUMPERS_INIT_ORG_TOKEN: generateToken("org") });
    await expect(initFromEnv()).rejects.toThrow(/BUMPERS_INIT_ORG_SLUG must be set/);
    setInit({ BUMPERS_INIT_ORG_SLUG: `init-${uniqueSuffix()}`, BUMPERS_INIT_USER_EMAIL: "x@test.example" });
    await expect(initFromEnv()).rejects.toThrow(/BUMPERS_INIT_USER_PASSWORD/);
  });
});
