import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { actorFor, createMember, createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { addTeamMember } from "./add-team-member";
import { changeTeamMemberRole } from "./change-team-member-role";
import { createTeam } from "./create-team";
import { deleteTeam } from "./delete-team";
import { listMembersNotOnTeam, listTeamMembers, listTeams } from "./queries";
import { removeTeamMember } from "./remove-team-member";
import { listOwnedResources, listUnassignedResources, previewTeamScope } from "./resource-queries";
import { ZScopeRules, type TScopeRuleInput } from "@/lib/domain/scope-rules";
import { setTeamScope } from "./set-team-scope";
import { updateTeam } from "./update-team";
import { codeOf } from "@/lib/testing/errors";

const rules = (input: TScopeRuleInput[]) => ZScopeRules.parse(input);

/** An org with a cluster holding two namespaces of two workloads each, nothing owned yet. */
async function tenantWithResources() {
  const tenant = await createTestTenant();
  const cluster = await createTestCluster(tenant.org.id, { slug: `prod-${tenant.org.slug}` });
  const row = (namespace: string, kind: string, name: string, labels: Record<string, string> = {}) => ({
    orgId: tenant.org.id,
    clusterId: cluster.id,
    namespace,
    kind,
    name,
    labels,
  });
  await db.resource.createMany({
    data: [
      row("payments-api", "Namespace", "payments-api"),
      row("payments-api", "Deployment", "api"),
      row("payments-api", "Deployment", "worker"),
      row("payments-sandbox", "Namespace", "payments-sandbox"),
      row("payments-sandbox", "Deployment", "api"),
      row("payments-sandbox", "CronJob", "cleanup", { team: "platform" }),
    ],
  });
  return { ...tenant, cluster };
}

async function owners(orgId: string) {
  const rows = await db.resource.findMany({
    where: { orgId },
    select: { namespace: true, kind: true, name: true, ownerTeamId: true },
  });
  return Object.fromEntries(rows.map((r) => [`${r.namespace}/${r.kind}/${r.name}`, r.ownerTeamId]));
}

const auditRows = (orgId: string, action: string) =>
  db.auditLog.findMany({ where: { orgId, action }, orderBy: { id: "asc" } });

describe("team lifecycle", () => {
  it("creates, renames and deletes a team, each with an audit row", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const team = await createTeam(t.org.id, actor, {
      slug: "search",
      name: "Search",
      description: "Indexing",
      priority: 40,
    });
    expect(team).toMatchObject({ slug: "search", name: "Search", priority: 40, scopeRules: [] });
    const [created] = await auditRows(t.org.id, "team.created");
    expect(created).toMatchObject({ actorUserId: t.users.admin.id, targetId: team.id, targetLabel: "Search" });
    expect(created.after).toEqual({ slug: "search", name: "Search", description: "Indexing", priority: 40 });

    await updateTeam(t.org.id, actor, team.id, { name: "Search & Discovery", description: "Indexing", priority: 40 });
    const [updated] = await auditRows(t.org.id, "team.updated");
    expect(updated.before).toEqual({ name: "Search" });
    expect(updated.after).toEqual({ name: "Search & Discovery" });

    // Saving the form unchanged writes nothing.
    await updateTeam(t.org.id, actor, team.id, { name: "Search & Discovery", description: "Indexing", priority: 40 });
    expect(await auditRows(t.org.id, "team.updated")).toHaveLength(1);

    expect(await codeOf(deleteTeam(t.org.id, actor, team.id, { confirmSlug: "Search" }))).toBe("bad_request");
    expect(await db.team.count({ where: { id: team.id } })).toBe(1);
    await deleteTeam(t.org.id, actor, team.id, { confirmSlug: "search" });
    expect(await db.team.count({ where: { id: team.id } })).toBe(0);
    const [deleted] = await auditRows(t.org.id, "team.deleted");
    expect(deleted.before).toMatchObject({ slug: "search", name: "Search & Discovery", members: 0 });
  });

  it("answers a conflict naming the slug field when the slug is taken in the org, not in another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const input = { slug: a.team.slug, name: "Copy", description: "", priority: 100 };
    await expect(createTeam(a.org.id, actorFor(a.users.admin), input)).rejects.toMatchObject({
      code: "conflict",
      details: { field: "slug" },
    });
    expect(await auditRows(a.org.id, "team.created")).toHaveLength(0);
    await expect(createTeam(b.org.id, actorFor(b.users.admin), input)).resolves.toMatchObject({ slug: a.team.slug });
  });

  it("lists teams in priority order with member and owned-workload counts", async () => {
    const t = await tenantWithResources();
    await setTeamScope(
      t.org.id,
      actorFor(t.users.admin),
      t.team.id,
      rules([{ effect: "include", namespace: "payments-*" }]),
    );
    const teams = await listTeams(t.org.id);
    const mine = teams.find((x) => x.id === t.team.id);
    expect(mine).toMatchObject({ memberCount: 3, ownedWorkloads: 4, ruleCount: 1 });
    expect(teams.find((x) => x.id === t.otherTeam.id)).toMatchObject({ memberCount: 0, ownedWorkloads: 0 });
  });
});

describe("team scopes and ownership", () => {
  it("reassigns owners when a scope is saved, and audits the rules before and after", async () => {
    const t = await tenantWithResources();
    const actor = actorFor(t.users.admin);
    const scope = rules([
      { effect: "exclude", namespace: "payments-sandbox" },
      { effect: "include", namespace: "payments-*" },
    ]);
    const result = await setTeamScope(t.org.id, actor, t.team.id, scope);
    expect(result.reassigned).toBe(3);
    expect(await owners(t.org.id)).toEqual({
      "payments-api/Namespace/payments-api": t.team.id,
      "payments-api/Deployment/api": t.team.id,
      "payments-api/Deployment/worker": t.team.id,
      "payments-sandbox/Namespace/payments-sandbox": null,
      "payments-sandbox/Deployment/api": null,
      "payments-sandbox/CronJob/cleanup": null,
    });
    const [audit] = await auditRows(t.org.id, "team.scope_changed");
    expect(audit.before).toEqual({ rules: [] });
    expect(audit.after).toEqual({ rules: scope, resourcesReassigned: 3 });

    // Another team, behind ours, picks up the sandbox; a higher priority then takes everything.
    await updateTeam(t.org.id, actor, t.otherTeam.id, { name: t.otherTeam.name, description: "", priority: 200 });
    await setTeamScope(t.org.id, actor, t.otherTeam.id, rules([{ effect: "include", namespace: "*" }]));
    const afterOther = await owners(t.org.id);
    expect(afterOther["payments-sandbox/Deployment/api"]).toBe(t.otherTeam.id);
    expect(afterOther["payments-api/Deployment/api"]).toBe(t.team.id);
    await updateTeam(t.org.id, actor, t.otherTeam.id, { name: t.otherTeam.name, description: "", priority: 1 });
    expect(Object.values(await owners(t.org.id)).every((o) => o === t.otherTeam.id)).toBe(true);
    const priorityAudits = await auditRows(t.org.id, "team.updated");
    expect(priorityAudits.map((a) => [a.before, a.after])).toEqual([
      [{ priority: 100 }, { priority: 200, resourcesReassigned: 0 }],
      [{ priority: 200 }, { priority: 1, resourcesReassigned: 3 }],
    ]);
  });

  it("hands a deleted team's resources to the next matching team", async () => {
    const t = await tenantWithResources();
    const actor = actorFor(t.users.admin);
    await setTeamScope(t.org.id, actor, t.team.id, rules([{ effect: "include", namespace: "payments-*" }]));
    await updateTeam(t.org.id, actor, t.otherTeam.id, { name: t.otherTeam.name, description: "", priority: 500 });
    await setTeamScope(t.org.id, actor, t.otherTeam.id, rules([{ effect: "include", namespace: "payments-api" }]));
    const invitation = await db.invitation.create({
      data: {
        orgId: t.org.id,
        email: "new@test.example",
        role: "member",
        teamId: t.team.id,
        teamRole: "editor",
        tokenHash: `hash-${t.org.id}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await deleteTeam(t.org.id, actor, t.team.id, { confirmSlug: t.team.slug });
    const after = await owners(t.org.id);
    expect(after["payments-api/Deployment/api"]).toBe(t.otherTeam.id);
    expect(after["payments-sandbox/Deployment/api"]).toBeNull();
    expect(await db.teamMembership.count({ where: { teamId: t.team.id } })).toBe(0);
    expect(await db.invitation.findUnique({ where: { id: invitation.id } })).toMatchObject({
      teamId: null,
      teamRole: null,
    });
    const [audit] = await auditRows(t.org.id, "team.deleted");
    expect(audit.before).toMatchObject({ members: 3, ownedResources: 6 });
    expect(audit.after).toEqual({ movedToOtherTeams: 3, unassigned: 3 });
  });

  it("previews a draft scope without writing anything", async () => {
    const t = await tenantWithResources();
    const actor = actorFor(t.users.admin);
    await setTeamScope(t.org.id, actor, t.otherTeam.id, rules([{ effect: "include", namespace: "payments-sandbox" }]));
    await updateTeam(t.org.id, actor, t.otherTeam.id, { name: t.otherTeam.name, description: "", priority: 1 });
    const before = await owners(t.org.id);
    const auditCount = await db.auditLog.count({ where: { orgId: t.org.id } });
    const savedRules = (await db.team.findUniqueOrThrow({ where: { id: t.team.id } })).scopeRules;

    const preview = await previewTeamScope(
      t.org.id,
      t.team.id,
      rules([{ effect: "include", namespace: "payments-*" }]),
    );
    expect(preview.owned).toEqual({ namespaces: 1, workloads: 2 });
    expect(preview.taken).toEqual({ namespaces: 1, workloads: 2 });
    expect(preview.gained).toBe(3);
    const sandbox = preview.groups[0].namespaces.find((n) => n.namespace === "payments-sandbox");
    expect(sandbox?.namespaceItem).toMatchObject({ status: "taken", takenBy: { slug: t.otherTeam.slug } });

    expect(await owners(t.org.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { orgId: t.org.id } })).toBe(auditCount);
    expect((await db.team.findUniqueOrThrow({ where: { id: t.team.id } })).scopeRules).toEqual(savedRules);
  });

  it("leaves removed resources out of the preview and the owned list", async () => {
    const t = await tenantWithResources();
    await db.resource.updateMany({
      where: { orgId: t.org.id, namespace: "payments-sandbox" },
      data: { removedAt: new Date() },
    });
    await setTeamScope(t.org.id, actorFor(t.users.admin), t.team.id, rules([{ effect: "include" }]));
    const preview = await previewTeamScope(t.org.id, t.team.id, rules([{ effect: "include" }]));
    expect(preview.owned).toEqual({ namespaces: 1, workloads: 2 });
    const owned = await listOwnedResources(t.org.id, t.team.id);
    expect(owned).toMatchObject({ namespaces: 1, workloads: 2, shownWorkloads: 2 });
    expect(owned.groups).toEqual([
      {
        cluster: t.cluster.slug,
        namespaces: [
          {
            namespace: "payments-api",
            namespaceItem: expect.objectContaining({ kind: "Namespace" }),
            workloads: [expect.objectContaining({ name: "api" }), expect.objectContaining({ name: "worker" })],
          },
        ],
      },
    ]);
    expect(await listUnassignedResources(t.org.id)).toMatchObject({ namespaces: 0, workloads: 0, groups: [] });
  });

  it("rejects invalid rules without saving", async () => {
    const t = await tenantWithResources();
    const bad = [{ effect: "include", namespace: "pay ments" }] as TScopeRuleInput[];
    expect(await codeOf(setTeamScope(t.org.id, actorFor(t.users.admin), t.team.id, bad))).toBe("bad_request");
    expect(await auditRows(t.org.id, "team.scope_changed")).toHaveLength(0);
  });
});

describe("team members", () => {
  it("adds an org member, changes their role and removes them, with audit rows", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.teamAdmin);
    expect((await listMembersNotOnTeam(t.org.id, t.team.id)).map((m) => m.userId).sort()).toEqual(
      [t.users.owner.id, t.users.admin.id, t.users.member.id].sort(),
    );
    await addTeamMember(t.org.id, actor, t.team.id, { userId: t.users.member.id, role: "viewer" });
    expect((await listTeamMembers(t.org.id, t.team.id)).find((m) => m.userId === t.users.member.id)?.role).toBe(
      "viewer",
    );
    expect(await codeOf(addTeamMember(t.org.id, actor, t.team.id, { userId: t.users.member.id, role: "editor" }))).toBe(
      "conflict",
    );
    await changeTeamMemberRole(t.org.id, actor, t.team.id, { userId: t.users.member.id, role: "editor" });
    await removeTeamMember(t.org.id, actor, t.team.id, { userId: t.users.member.id });
    expect((await listTeamMembers(t.org.id, t.team.id)).some((m) => m.userId === t.users.member.id)).toBe(false);

    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, action: { startsWith: "team.member_" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ["team.member_added", null, { team: t.team.slug, user: t.users.member.email, role: "viewer" }],
      [
        "team.member_role_changed",
        { team: t.team.slug, user: t.users.member.email, role: "viewer" },
        { team: t.team.slug, user: t.users.member.email, role: "editor" },
      ],
      ["team.member_removed", { team: t.team.slug, user: t.users.member.email, role: "editor" }, null],
    ]);
    expect(audit.every((a) => a.actorUserId === t.users.teamAdmin.id)).toBe(true);
  });

  it("only adds people who are already members of the org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const outsider = await createMember(b.org.id, "member");
    await expect(
      addTeamMember(a.org.id, actorFor(a.users.admin), a.team.id, { userId: outsider.id, role: "viewer" }),
    ).rejects.toMatchObject({ code: "not_found", details: { field: "userId" } });
    expect(await db.teamMembership.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it("treats another org's team ids as not found on every mutation", async () => {
    const a = await tenantWithResources();
    const b = await createTestTenant();
    const actor = actorFor(b.users.admin);
    const foreign = a.team.id;
    const attempts = {
      update: () => updateTeam(b.org.id, actor, foreign, { name: "Stolen", description: "", priority: 1 }),
      scope: () => setTeamScope(b.org.id, actor, foreign, rules([{ effect: "include" }])),
      delete: () => deleteTeam(b.org.id, actor, foreign, { confirmSlug: a.team.slug }),
      add: () => addTeamMember(b.org.id, actor, foreign, { userId: b.users.member.id, role: "admin" }),
      role: () => changeTeamMemberRole(b.org.id, actor, foreign, { userId: a.users.viewer.id, role: "admin" }),
      remove: () => removeTeamMember(b.org.id, actor, foreign, { userId: a.users.viewer.id }),
      preview: () => previewTeamScope(b.org.id, foreign, rules([{ effect: "include" }])),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect([name, await codeOf(attempt())]).toEqual([name, "not_found"]);
    }
    // B's own team cannot reach A's members either.
    expect(await codeOf(removeTeamMember(b.org.id, actor, b.team.id, { userId: a.users.viewer.id }))).toBe("not_found");
    const teamA = await db.team.findUniqueOrThrow({ where: { id: a.team.id } });
    expect(teamA).toMatchObject({ name: a.team.name, priority: a.team.priority, scopeRules: [] });
    expect(await db.teamMembership.count({ where: { teamId: a.team.id } })).toBe(3);
    expect(await db.auditLog.count({ where: { orgId: { in: [a.org.id, b.org.id] } } })).toBe(0);
  });

  it("creates a team that owns nothing until it has a scope", async () => {
    const t = await tenantWithResources();
    const team = await createTestTeam(t.org.id);
    expect(await listOwnedResources(t.org.id, team.id)).toMatchObject({ namespaces: 0, workloads: 0, groups: [] });
  });
});
