import { beforeEach, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { createTestOrg, createTestTeam, uniqueSuffix } from "@/lib/testing/factories";
import { claimDomain, createScimToken, scimClient } from "@/lib/testing/scim-client";
import { timeQueries } from "@/scripts/lib/query-timer";
import { SCHEMA } from "./constants";

// Installed before the first query: it counts the statements of connections opened afterwards.
const timer = timeQueries(pool);

// Groups and teams: which team a new group manages, what its members get there, and what a
// rename, a replace and a delete do to their access.

let w: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const domain = `grp-${uniqueSuffix()}.test`;
  const org = await createTestOrg();
  await claimDomain(org.id, domain);
  const token = await createScimToken(org.id);
  const scim = scimClient(org.slug, token.secret);
  const person = async (name: string) => {
    const res = await scim.post("/Users", { schemas: [SCHEMA.user], userName: `${name}@${domain}` });
    const row = await db.scimUser.findUniqueOrThrow({ where: { id: res.body.id as string } });
    return { scimId: row.id, userId: row.userId };
  };
  const group = async (displayName: string, members: string[] = []) => {
    const res = await scim.post("/Groups", {
      schemas: [SCHEMA.group],
      displayName,
      members: members.map((value) => ({ value })),
    });
    expect(res.status).toBe(201);
    return db.scimGroup.findUniqueOrThrow({ where: { id: res.body.id as string }, include: { team: true } });
  };
  return { org, scim, person, group };
}

beforeEach(async () => {
  w = await setUp();
});

const access = async (orgId: string, userId: string) => ({
  org: (await db.membership.findFirst({ where: { orgId, userId } }))?.role ?? null,
  teams: Object.fromEntries(
    (await db.teamMembership.findMany({ where: { orgId, userId }, include: { team: true } })).map((m) => [
      m.team.slug,
      m.role,
    ]),
  ),
});

describe("SCIM groups and teams", () => {
  it("links a group to the team of the same slug or name, or of the slugified name", async () => {
    const payments = await createTestTeam(w.org.id, { slug: "payments", name: "Money" });
    const platform = await createTestTeam(w.org.id, { slug: "plat", name: "Platform Team" });
    const data = await createTestTeam(w.org.id, { slug: "data-science", name: "DS" });
    expect((await w.group("PAYMENTS")).teamId).toBe(payments.id);
    expect((await w.group("platform team")).teamId).toBe(platform.id);
    expect((await w.group("Data Science")).teamId).toBe(data.id);
    expect(await db.team.count({ where: { orgId: w.org.id } })).toBe(3);
  });

  it("creates a team without a scope for a new name, its slug made unique", async () => {
    await createTestTeam(w.org.id, { slug: "x-team", name: "Something else" });
    const created = await w.group("X");
    expect(created.team).toMatchObject({ slug: "x-team-2", name: "X", scopeRules: [] });
    const long = await w.group("A very long directory group name that goes on and on for the whole line, really");
    expect(long.team!.slug.length).toBeLessThanOrEqual(40);
    expect(long.team!.name.length).toBeLessThanOrEqual(60);
    const audit = await db.auditLog.findMany({ where: { orgId: w.org.id, action: "team.created" } });
    expect(audit).toHaveLength(2);
  });

  it("reads <team>/<role> groups as that role on that team", async () => {
    const ops = await createTestTeam(w.org.id, { slug: "ops", name: "Operations" });
    const ana = await w.person("ana");
    const group = await w.group("ops/admin", [ana.scimId]);
    expect(group).toMatchObject({ teamId: ops.id, teamRole: "admin" });
    expect(await access(w.org.id, ana.userId)).toEqual({ org: "member", teams: { ops: "admin" } });
  });

  it("leaves a group that a group mapping covers without a team, and applies the mapping", async () => {
    await db.ssoGroupMapping.create({ data: { orgId: w.org.id, groupName: "k8s-*-admins", orgRole: "admin" } });
    const bo = await w.person("bo");
    const group = await w.group("k8s-platform-admins", [bo.scimId]);
    expect(group.teamId).toBeNull();
    expect(await db.team.count({ where: { orgId: w.org.id } })).toBe(0);
    expect(await access(w.org.id, bo.userId)).toEqual({ org: "admin", teams: {} });

    // A rename re-syncs every member: the mapping no longer matches.
    const renamed = await w.scim.patch(`/Groups/${group.id}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [{ op: "replace", path: "displayName", value: "platform-viewers" }],
    });
    expect(renamed.status).toBe(204);
    expect(await access(w.org.id, bo.userId)).toEqual({ org: "member", teams: {} });
  });

  it("replaces members with PUT, syncing only the people added or removed", async () => {
    const [a, b, c] = [await w.person("a"), await w.person("b"), await w.person("c")];
    const group = await w.group("Checkout", [a.scimId, b.scimId]);
    const replaced = await w.scim.put(`/Groups/${group.id}`, {
      schemas: [SCHEMA.group],
      displayName: "Checkout",
      externalId: "g-1",
      members: [{ value: b.scimId }, { value: c.scimId }],
    });
    expect(replaced.status).toBe(200);
    expect((replaced.body.members as Array<{ value: string }>).map((m) => m.value).sort()).toEqual(
      [b.scimId, c.scimId].sort(),
    );
    expect(await access(w.org.id, a.userId)).toEqual({ org: "member", teams: {} });
    expect(await access(w.org.id, c.userId)).toEqual({ org: "member", teams: { checkout: "editor" } });
    const changed = await db.auditLog.findFirstOrThrow({
      where: { orgId: w.org.id, action: "scim.group_members_changed" },
    });
    expect(changed.after).toMatchObject({ added: [c.scimId], removed: [a.scimId], access: { people: 2 } });
    // The same PUT again changes nothing and writes nothing.
    const again = await w.scim.put(`/Groups/${group.id}`, replaced.body);
    expect(again.body.meta).toEqual(replaced.body.meta);
    expect(await db.auditLog.count({ where: { orgId: w.org.id, action: { startsWith: "scim.group_members" } } })).toBe(
      1,
    );
  });

  it("keeps manual team memberships when a group's members leave", async () => {
    const team = await createTestTeam(w.org.id, { slug: "search", name: "Search" });
    const d = await w.person("d");
    await db.teamMembership.create({ data: { orgId: w.org.id, teamId: team.id, userId: d.userId, role: "viewer" } });
    const group = await w.group("Search", [d.scimId]);
    // Raised by the group (manual memberships are only ever raised), never removed by it.
    expect(await access(w.org.id, d.userId)).toEqual({ org: "member", teams: { search: "editor" } });
    await w.scim.delete(`/Groups/${group.id}`);
    expect(await access(w.org.id, d.userId)).toEqual({ org: "member", teams: { search: "editor" } });
  });

  it("adds many members in a few statements per person, not every read of the sync for each", async () => {
    const people: Array<{ scimId: string; userId: string }> = [];
    for (let i = 0; i < 40; i++) people.push(await w.person(`p${i}`));
    const group = await w.group("Bulk");
    const { result, statements } = await timer.record(() =>
      w.scim.patch(`/Groups/${group.id}`, {
        schemas: [SCHEMA.patchOp],
        Operations: [{ op: "add", path: "members", value: people.map((p) => ({ value: p.scimId })) }],
      }),
    );
    expect(result.status).toBe(204);
    expect(await db.teamMembership.count({ where: { teamId: group.teamId! } })).toBe(40);
    // Per person: their groups (two reads), their team memberships, the new one. The reads of
    // records, memberships and identities are one statement for all; the org's mappings and
    // linked groups are read once. The sync alone reads nine times per person.
    expect(statements.length).toBeLessThan(40 * 5 + 30);
  });
});
