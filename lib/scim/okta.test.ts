import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { db } from "@/lib/server/db";
import { createTestOrg, createTestTeam, uniqueSuffix } from "@/lib/testing/factories";
import { claimDomain, createScimToken, filterQuery, scimClient } from "@/lib/testing/scim-client";
import { signInAs } from "@/lib/testing/session";
import { SCHEMA } from "./constants";

// Okta's documented provisioning sequence for SCIM 2.0 (developer.okta.com, "Okta and SCIM
// Version 2.0"), replayed request by request against the real route handlers: look the user up by
// userName, create them, read them back, update the profile, deactivate, reactivate; push a
// group, rename it, add and remove members, replace it, delete it.

type TWorld = Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const domain = `okta-${uniqueSuffix()}.test`;
  const org = await createTestOrg();
  await claimDomain(org.id, domain);
  const token = await createScimToken(org.id, "Okta");
  return { org, domain, token, scim: scimClient(org.slug, token.secret) };
}

const deactivate = { schemas: [SCHEMA.patchOp], Operations: [{ op: "replace", value: { active: false } }] };
const reactivate = { schemas: [SCHEMA.patchOp], Operations: [{ op: "replace", value: { active: true } }] };

/** Whether the person can open the org right now (memberships are read per request). */
async function canOpenOrg(orgSlug: string, userId: string): Promise<boolean | string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  signInAs(user);
  return authorizeOrg(orgSlug).then(
    () => true,
    (err: { code?: string }) => err.code ?? String(err),
  );
}

let w: TWorld;
beforeEach(async () => {
  w = await setUp();
});
afterEach(() => signInAs(null));

describe("Okta provisioning sequence", () => {
  it("looks up, creates, reads, updates, deactivates and reactivates a user", async () => {
    const userName = `test.user@${w.domain}`;
    const lookup = await w.scim.get(`/Users?${filterQuery(`userName eq "${userName}"`)}&startIndex=1&count=100`);
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    expect(lookup.body).toEqual({
      schemas: [SCHEMA.listResponse],
      totalResults: 0,
      itemsPerPage: 0,
      startIndex: 1,
      Resources: [],
    });

    const created = await w.scim.post("/Users", {
      schemas: [SCHEMA.user],
      userName,
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Test User",
      locale: "en-US",
      externalId: "00ujl29u0le5T6Aj10h7",
      groups: [],
      password: "1mz050nq",
      active: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get("location")).toBe(`https://bumpers.test/scim/v2/${w.org.slug}/Users/${id}`);
    expect(created.body).toMatchObject({
      schemas: [SCHEMA.user],
      id,
      externalId: "00ujl29u0le5T6Aj10h7",
      userName,
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Test User",
      locale: "en-US",
      active: true,
      groups: [],
      meta: {
        resourceType: "User",
        location: `https://bumpers.test/scim/v2/${w.org.slug}/Users/${id}`,
        version: 'W/"1"',
      },
    });
    expect(JSON.stringify(created.body)).not.toContain("1mz050nq");

    // A new Bumpers user without a password, a member of the org.
    const person = await db.user.findUniqueOrThrow({ where: { email: userName } });
    expect(person).toMatchObject({ name: "Test User", passwordHash: null });
    expect(await db.membership.findFirst({ where: { orgId: w.org.id, userId: person.id } })).toMatchObject({
      role: "member",
      managedBy: "scim",
    });
    expect(await canOpenOrg(w.org.slug, person.id)).toBe(true);

    const read = await w.scim.get(`/Users/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const found = await w.scim.get(`/Users?${filterQuery(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    // Okta's profile push: GET, merge, PUT the whole user back.
    const updated = await w.scim.put(`/Users/${id}`, {
      ...read.body,
      name: { givenName: "Another", familyName: "User" },
      displayName: "Another User",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: { givenName: "Another", familyName: "User" },
      meta: { version: 'W/"2"' },
    });

    const deactivated = await w.scim.patch(`/Users/${id}`, deactivate);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id, active: false });
    // The next request of the person is refused, and their sessions end (no other org).
    expect(await canOpenOrg(w.org.slug, person.id)).toBe("not_found");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionVersion).toBe(
      person.sessionVersion + 1,
    );

    const reactivated = await w.scim.patch(`/Users/${id}`, reactivate);
    expect(reactivated.body).toMatchObject({ id, active: true });
    expect(await canOpenOrg(w.org.slug, person.id)).toBe(true);

    const audit = await db.auditLog.findMany({
      where: { orgId: w.org.id, action: { startsWith: "scim." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "scim.user_created",
      "scim.user_updated",
      "scim.user_deactivated",
      "scim.user_reactivated",
    ]);
    expect(audit.every((a) => a.actorTokenId === w.token.id && a.actorLabel === "Okta")).toBe(true);
    expect(audit[1]).toMatchObject({
      before: { name: { givenName: "Test", familyName: "User" }, displayName: "Test User" },
      after: { name: { givenName: "Another", familyName: "User" }, displayName: "Another User" },
    });
  });

  it("pushes a group to its team, renames it, adds and removes members, replaces and deletes it", async () => {
    const payments = await createTestTeam(w.org.id, { slug: "payments", name: "Payments" });
    const ids: string[] = [];
    for (const name of ["ana", "bo", "cy"]) {
      const res = await w.scim.post("/Users", {
        schemas: [SCHEMA.user],
        userName: `${name}@${w.domain}`,
        active: true,
      });
      ids.push(res.body.id as string);
    }
    const userIdOf = async (scimId: string) => (await db.scimUser.findUniqueOrThrow({ where: { id: scimId } })).userId;
    const teamRoles = async () =>
      Object.fromEntries(
        await Promise.all(
          (await db.teamMembership.findMany({ where: { teamId: payments.id } })).map(async (m) => [
            (await db.scimUser.findFirstOrThrow({ where: { userId: m.userId, orgId: w.org.id } })).id,
            m.role,
          ]),
        ),
      );

    const created = await w.scim.post("/Groups", { schemas: [SCHEMA.group], displayName: "payments", members: [] });
    expect(created.status).toBe(201);
    const groupId = created.body.id as string;
    expect(created.body).toMatchObject({ schemas: [SCHEMA.group], displayName: "payments", members: [] });
    expect(await db.scimGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ teamId: payments.id });

    const listed = await w.scim.get("/Groups?startIndex=1&count=100");
    expect(listed.body).toMatchObject({ totalResults: 1, Resources: [{ id: groupId, displayName: "payments" }] });
    const withoutMembers = await w.scim.get(`/Groups/${groupId}?excludedAttributes=members`);
    expect(withoutMembers.body).not.toHaveProperty("members");
    expect(withoutMembers.body).toMatchObject({ id: groupId, displayName: "payments" });

    const renamed = await w.scim.patch(`/Groups/${groupId}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [{ op: "replace", value: { id: groupId, displayName: "Payments" } }],
    });
    expect(renamed.status).toBe(204);

    const added = await w.scim.patch(`/Groups/${groupId}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [
        {
          op: "add",
          path: "members",
          value: ids.map((value) => ({ value, display: "someone" })),
        },
      ],
    });
    expect(added.status).toBe(204);
    expect(await teamRoles()).toEqual({ [ids[0]]: "editor", [ids[1]]: "editor", [ids[2]]: "editor" });
    const ana = await w.scim.get(`/Users/${ids[0]}`);
    expect(ana.body.groups).toEqual([
      {
        value: groupId,
        display: "Payments",
        $ref: `https://bumpers.test/scim/v2/${w.org.slug}/Groups/${groupId}`,
        type: "direct",
      },
    ]);

    const removed = await w.scim.patch(`/Groups/${groupId}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [{ op: "remove", path: `members[value eq "${ids[1]}"]` }],
    });
    expect(removed.status).toBe(204);
    expect(await teamRoles()).toEqual({ [ids[0]]: "editor", [ids[2]]: "editor" });
    // Leaving the group ends the team membership, not the org membership.
    expect(await db.membership.count({ where: { orgId: w.org.id, userId: await userIdOf(ids[1]) } })).toBe(1);

    const replaced = await w.scim.put(`/Groups/${groupId}`, {
      schemas: [SCHEMA.group],
      id: groupId,
      displayName: "Payments",
      members: [{ value: ids[1] }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ displayName: "Payments", members: [{ value: ids[1], type: "User" }] });
    expect(await teamRoles()).toEqual({ [ids[1]]: "editor" });

    const deleted = await w.scim.delete(`/Groups/${groupId}`);
    expect(deleted.status).toBe(204);
    expect(await teamRoles()).toEqual({});
    expect(await db.team.findUnique({ where: { id: payments.id } })).not.toBeNull();
    expect((await w.scim.get(`/Groups/${groupId}`)).status).toBe(404);

    const actions = (
      await db.auditLog.findMany({
        where: { orgId: w.org.id, action: { startsWith: "scim.group" } },
        orderBy: { createdAt: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "scim.group_created",
      "scim.group_updated",
      "scim.group_members_changed",
      "scim.group_members_changed",
      "scim.group_members_changed",
      "scim.group_deleted",
    ]);
  });
});
