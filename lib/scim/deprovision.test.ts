import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { db } from "@/lib/server/db";
import { addMember, createTestOrg, createTestTeam, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { claimDomain, createScimToken, scimClient } from "@/lib/testing/scim-client";
import { signInAs } from "@/lib/testing/session";
import { SCHEMA } from "./constants";

// Deprovisioning removes access at once: memberships are read on every request, so the person's
// next request after `active: false` is refused; their sessions end when no org is left to them.
// Owners are never removed by the directory; manual members linked by SCIM are managed from then on.

const setActive = (active: boolean | string) => ({
  schemas: [SCHEMA.patchOp],
  Operations: [{ op: "replace", value: { active } }],
});

async function setUp() {
  const domain = `dep-${uniqueSuffix()}.test`;
  const org = await createTestOrg();
  await claimDomain(org.id, domain);
  const token = await createScimToken(org.id);
  return { org, domain, scim: scimClient(org.slug, token.secret) };
}

let w: Awaited<ReturnType<typeof setUp>>;
beforeEach(async () => {
  w = await setUp();
});
afterEach(() => signInAs(null));

/** The outcome of the person's next request to the org: ok, or the guard's error code. */
async function nextRequest(userId: string): Promise<string> {
  signInAs(await db.user.findUniqueOrThrow({ where: { id: userId } }));
  return authorizeOrg(w.org.slug).then(
    () => "ok",
    (err: { code?: string }) => err.code ?? String(err),
  );
}

const sessionVersion = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;

describe("SCIM deprovisioning", () => {
  it("create → the person signs in → deactivate → their next request is refused and their sessions end", async () => {
    const created = await w.scim.post("/Users", { schemas: [SCHEMA.user], userName: `dana@${w.domain}` });
    const person = await db.user.findUniqueOrThrow({ where: { email: `dana@${w.domain}` } });
    expect(await nextRequest(person.id)).toBe("ok");
    const before = await sessionVersion(person.id);

    await w.scim.patch(`/Users/${created.body.id}`, setActive(false));
    expect(await nextRequest(person.id)).toBe("not_found");
    expect(await sessionVersion(person.id)).toBe(before + 1);
  });

  it("keeps the person's other organizations and sessions when only this one deactivates them", async () => {
    const other = await createTestOrg();
    const person = await createTestUser({ email: `erin@${w.domain}` });
    await addMember(other.id, person.id, "member");
    const created = await w.scim.post("/Users", { schemas: [SCHEMA.user], userName: `Erin@${w.domain}` });
    expect(await nextRequest(person.id)).toBe("ok");

    await w.scim.patch(`/Users/${created.body.id}`, setActive("False"));
    expect(await nextRequest(person.id)).toBe("not_found");
    expect(await db.membership.count({ where: { orgId: other.id, userId: person.id } })).toBe(1);
    expect(await sessionVersion(person.id)).toBe(0);
  });

  it("never removes an owner: the record is stored as deactivated and the audit row says the membership was kept", async () => {
    const owner = await createTestUser({ email: `olga@${w.domain}` });
    await addMember(w.org.id, owner.id, "owner");
    const created = await w.scim.post("/Users", { schemas: [SCHEMA.user], userName: `olga@${w.domain}` });
    expect(await db.membership.findFirst({ where: { orgId: w.org.id, userId: owner.id } })).toMatchObject({
      role: "owner",
      managedBy: null,
    });

    const deactivated = await w.scim.patch(`/Users/${created.body.id}`, setActive(false));
    expect(deactivated.body.active).toBe(false);
    expect(await nextRequest(owner.id)).toBe("ok");
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: w.org.id, action: "scim.user_deactivated" } });
    expect(audit.after).toMatchObject({ active: false, ownerKept: true });

    expect((await w.scim.delete(`/Users/${created.body.id}`)).status).toBe(204);
    expect(await nextRequest(owner.id)).toBe("ok");
    const deleted = await db.auditLog.findFirstOrThrow({ where: { orgId: w.org.id, action: "scim.user_deleted" } });
    expect(deleted.after).toMatchObject({ ownerKept: true });
  });

  it("links an existing manual member, keeps their role, and manages them from then on", async () => {
    const admin = await createTestUser({ email: `ali@${w.domain}` });
    await addMember(w.org.id, admin.id, "admin");
    const created = await w.scim.post("/Users", { schemas: [SCHEMA.user], userName: `ali@${w.domain}` });
    expect(created.status).toBe(201);
    expect(await db.membership.findFirst({ where: { orgId: w.org.id, userId: admin.id } })).toMatchObject({
      role: "admin",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: w.org.id, action: "scim.user_created" } });
    expect(audit.after).toMatchObject({ bumpersUser: "linked", email: `ali@${w.domain}` });

    await w.scim.patch(`/Users/${created.body.id}`, setActive(false));
    expect(await nextRequest(admin.id)).toBe("not_found");
  });

  it("reactivation brings back the membership (the connection's default role) and the group's team", async () => {
    await db.ssoConnection.create({ data: { orgId: w.org.id, protocol: "oidc", defaultRole: "admin" } });
    const team = await createTestTeam(w.org.id, { slug: "checkout", name: "Checkout" });
    const created = await w.scim.post("/Users", { schemas: [SCHEMA.user], userName: `ravi@${w.domain}` });
    await w.scim.post("/Groups", {
      schemas: [SCHEMA.group],
      displayName: "Checkout",
      members: [{ value: created.body.id }],
    });
    const person = await db.user.findUniqueOrThrow({ where: { email: `ravi@${w.domain}` } });
    const access = async () => ({
      org: (await db.membership.findFirst({ where: { orgId: w.org.id, userId: person.id } }))?.role ?? null,
      teams: (await db.teamMembership.findMany({ where: { userId: person.id } })).map((m) => [m.teamId, m.role]),
    });
    expect(await access()).toEqual({ org: "admin", teams: [[team.id, "editor"]] });

    await w.scim.patch(`/Users/${created.body.id}`, setActive(false));
    expect(await access()).toEqual({ org: null, teams: [] });
    // Still listed as a member of the group while deactivated, like the IdP sees it.
    expect((await w.scim.get(`/Users/${created.body.id}`)).body.groups).toHaveLength(1);

    await w.scim.patch(`/Users/${created.body.id}`, setActive(true));
    expect(await access()).toEqual({ org: "admin", teams: [[team.id, "editor"]] });
  });

  it("creating a user as inactive gives no membership", async () => {
    await w.scim.post("/Users", { schemas: [SCHEMA.user], userName: `ina@${w.domain}`, active: false });
    const person = await db.user.findUniqueOrThrow({ where: { email: `ina@${w.domain}` } });
    expect(await nextRequest(person.id)).toBe("not_found");
  });
});
