import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestOrg, uniqueSuffix } from "@/lib/testing/factories";
import { claimDomain, createScimToken, filterQuery, scimClient } from "@/lib/testing/scim-client";
import { SCHEMA } from "./constants";

// Microsoft Entra ID's provisioning requests, as its SCIM documentation lists them ("Develop and
// plan provisioning for a SCIM endpoint": user and group operations), including what it does
// beyond RFC 7644: capitalised op names ("Replace", "Add", "Remove"), `"active": "False"` strings,
// a userName that is not an email (the work email is the address), `$ref: null` in members, and
// excludedAttributes=members on every group read.

const patchOp = (...Operations: unknown[]) => ({ schemas: [SCHEMA.patchOp], Operations });

type TWorld = Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const domain = `entra-${uniqueSuffix()}.test`;
  const org = await createTestOrg();
  await claimDomain(org.id, domain);
  const token = await createScimToken(org.id, "Microsoft Entra ID");
  return { org, domain, scim: scimClient(org.slug, token.secret) };
}

let w: TWorld;
beforeEach(async () => {
  w = await setUp();
});

async function createEntraUser(userName: string, email: string, externalId: string) {
  return w.scim.post("/Users", {
    schemas: [SCHEMA.user, SCHEMA.enterpriseUser],
    externalId,
    userName,
    active: true,
    emails: [{ primary: true, type: "work", value: email }],
    meta: { resourceType: "User" },
    name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
    roles: [],
  });
}

describe("Microsoft Entra ID provisioning sequence", () => {
  it('matches by externalId and userName, creates, updates with Replace and Add, disables with "False", deletes', async () => {
    const externalId = "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef";
    const userName = "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1";
    const email = `Test_User_fd0ea13b@${w.domain}`;

    for (const filter of [`externalId eq "${externalId}"`, `userName eq "${userName}"`]) {
      const none = await w.scim.get(`/Users?${filterQuery(filter)}`);
      expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    }

    const created = await createEntraUser(userName, email, externalId);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ schemas: [SCHEMA.user], userName, externalId, active: true, roles: [] });
    // The userName is no address: the person is linked by their work email, lower-cased.
    const person = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(person.name).toBe("givenName familyName");
    expect(await db.membership.count({ where: { orgId: w.org.id, userId: person.id } })).toBe(1);

    for (const filter of [
      `externalId eq "${externalId}"`,
      `userName eq "${userName}"`,
      `emails[value eq "${email}"]`,
    ]) {
      const found = await w.scim.get(`/Users?${filterQuery(filter)}`);
      expect({
        filter,
        total: found.body.totalResults,
        id: (found.body.Resources as Array<{ id: string }>)[0]?.id,
      }).toEqual({
        filter,
        total: 1,
        id,
      });
    }
    // externalId is case-exact (RFC 7643 §3.1); userName is not.
    expect(
      (await w.scim.get(`/Users?${filterQuery(`externalId eq "${externalId.toUpperCase()}"`)}`)).body.totalResults,
    ).toBe(0);

    const multiValued = await w.scim.patch(
      `/Users/${id}`,
      patchOp(
        { op: "Replace", path: 'emails[type eq "work"].value', value: `updatedEmail@${w.domain}` },
        { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
      ),
    );
    expect(multiValued.status).toBe(200);
    expect(multiValued.body).toMatchObject({
      emails: [{ primary: true, type: "work", value: `updatedEmail@${w.domain}` }],
      name: { formatted: "givenName familyName", familyName: "updatedFamilyName", givenName: "givenName" },
    });

    const newUserName = `5b50642d-79fc-4410-9e90-4c077cdd1a59@${w.domain}`;
    const singleValued = await w.scim.patch(
      `/Users/${id}`,
      patchOp({ op: "Replace", path: "userName", value: newUserName }),
    );
    expect(singleValued.body.userName).toBe(newUserName);

    const enterprise = await w.scim.patch(
      `/Users/${id}`,
      patchOp(
        { op: "Add", path: "title", value: "Staff engineer" },
        { op: "Add", path: `${SCHEMA.enterpriseUser}:department`, value: "Payments" },
        { op: "Add", path: `${SCHEMA.enterpriseUser}:manager`, value: "2819c223-7f76-453a-919d-413861904646" },
      ),
    );
    expect(enterprise.body).toMatchObject({
      schemas: [SCHEMA.user, SCHEMA.enterpriseUser],
      title: "Staff engineer",
      [SCHEMA.enterpriseUser]: { department: "Payments", manager: { value: "2819c223-7f76-453a-919d-413861904646" } },
    });

    const disabled = await w.scim.patch(`/Users/${id}`, patchOp({ op: "Replace", path: "active", value: "False" }));
    expect(disabled.body.active).toBe(false);
    expect(await db.membership.count({ where: { orgId: w.org.id, userId: person.id } })).toBe(0);
    const enabled = await w.scim.patch(`/Users/${id}`, patchOp({ op: "Replace", path: "active", value: "True" }));
    expect(enabled.body.active).toBe(true);
    expect(await db.membership.count({ where: { orgId: w.org.id, userId: person.id } })).toBe(1);

    const deleted = await w.scim.delete(`/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect((await w.scim.get(`/Users/${id}`)).status).toBe(404);
    expect(await db.membership.count({ where: { orgId: w.org.id, userId: person.id } })).toBe(0);
    // The Bumpers user stays (they may belong to other organizations); only this org's record goes.
    expect(await db.user.findUnique({ where: { id: person.id } })).not.toBeNull();
    expect((await w.scim.delete(`/Users/${id}`)).status).toBe(404);
  });

  it("creates a group, finds it by displayName without members, renames it, adds and removes members, deletes it", async () => {
    const members: string[] = [];
    for (const n of [1, 2]) {
      const res = await createEntraUser(`Test_User_${n}`, `user${n}@${w.domain}`, `ext-${n}`);
      members.push(res.body.id as string);
    }
    const created = await w.scim.post("/Groups", {
      schemas: [SCHEMA.group, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Payments Engineers",
      meta: { resourceType: "Group" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      schemas: [SCHEMA.group],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Payments Engineers",
      members: [],
    });
    // No team was named like it: a new one, without a scope, slug from the name.
    const team = await db.team.findFirstOrThrow({ where: { orgId: w.org.id } });
    expect(team).toMatchObject({ slug: "payments-engineers", name: "Payments Engineers", scopeRules: [] });

    const byId = await w.scim.get(`/Groups/${id}?excludedAttributes=members`);
    expect(byId.body).toEqual({
      schemas: [SCHEMA.group],
      id,
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Payments Engineers",
      meta: expect.objectContaining({ resourceType: "Group" }),
    });
    const byName = await w.scim.get(
      `/Groups?excludedAttributes=members&${filterQuery('displayName eq "payments engineers"')}`,
    );
    expect(byName.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    expect((byName.body.Resources as object[])[0]).not.toHaveProperty("members");

    const renamed = await w.scim.patch(
      `/Groups/${id}`,
      patchOp({ op: "Replace", path: "displayName", value: "Payments" }),
    );
    expect(renamed.status).toBe(204);

    const added = await w.scim.patch(
      `/Groups/${id}`,
      patchOp({ op: "Add", path: "members", value: members.map((value) => ({ $ref: null, value })) }),
    );
    expect(added.status).toBe(204);
    expect(await db.teamMembership.count({ where: { teamId: team.id, managedBy: "scim" } })).toBe(2);
    const read = await w.scim.get(`/Groups/${id}`);
    expect(read.body).toMatchObject({ displayName: "Payments", members: members.map((value) => ({ value })) });

    const removed = await w.scim.patch(
      `/Groups/${id}`,
      patchOp({ op: "Remove", path: "members", value: [{ $ref: null, value: members[0] }] }),
    );
    expect(removed.status).toBe(204);
    expect(await db.teamMembership.count({ where: { teamId: team.id } })).toBe(1);

    expect((await w.scim.delete(`/Groups/${id}`)).status).toBe(204);
    expect(await db.teamMembership.count({ where: { teamId: team.id } })).toBe(0);
  });
});
