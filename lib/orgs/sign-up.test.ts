import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { uniqueSuffix } from "@/lib/testing/factories";
import { signUp } from "./sign-up";
import { ZSignUp } from "./schemas";

const input = () => {
  const s = uniqueSuffix();
  return ZSignUp.parse({
    name: "Sam Example",
    email: `Sam-${s}@Test.Example`,
    password: "a long enough password",
    orgName: `Example ${s}`,
    orgSlug: `example-${s}`,
  });
};

describe("sign-up", () => {
  it("creates the person, their organization and makes them its owner, with an audit row", async () => {
    const data = input();
    const { user, org } = await signUp(data);
    expect(user.email).toBe(data.email.toLowerCase());
    const membership = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: org.id, userId: user.id } },
    });
    expect(membership.role).toBe("owner");
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "org.created" } })).toBe(1);
  });

  it("refuses a duplicate email and a taken org URL, creating nothing", async () => {
    const first = input();
    await signUp(first);
    await expect(signUp({ ...input(), email: first.email })).rejects.toMatchObject({
      code: "conflict",
      details: { field: "email" },
    });
    const again = input();
    await expect(signUp({ ...again, orgSlug: first.orgSlug })).rejects.toMatchObject({
      code: "conflict",
      details: { field: "orgSlug" },
    });
    expect(await db.user.findUnique({ where: { email: again.email } })).toBeNull();
  });

  it("validates the form with field errors", () => {
    const result = ZSignUp.safeParse({ name: "", email: "nope", password: "short", orgName: "A", orgSlug: "-bad-" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["name", "email", "password", "orgName", "orgSlug"]));
  });
});
