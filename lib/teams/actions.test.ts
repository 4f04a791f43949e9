import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { addTeamMemberAction, changeTeamMemberRoleAction, removeTeamMemberAction } from "@/lib/teams/actions";
import {
  createTeamAction,
  deleteTeamAction,
  previewTeamScopeAction,
  saveTeamScopeAction,
  updateTeamAction,
} from "./actions";
import { formOf } from "@/lib/testing/forms";

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;

/** Every team action against (org, team), valid input, as whoever is signed in. */
function everyAction(org: string, team: string, tenant: TTenant) {
  const include = [{ effect: "include", namespace: "*", cluster: "", kind: "", name: "", labels: [] }];
  const member = (role: string, userId = tenant.users.member.id) => formOf({ org, team, userId, role });
  return {
    create: () => createTeamAction(null, formOf({ org, name: "New team", slug: `new-${team}`, priority: "5" })),
    update: () => updateTeamAction(null, formOf({ org, team, name: "Renamed", description: "", priority: "1" })),
    delete: () => deleteTeamAction(null, formOf({ org, team, confirm: team })),
    saveScope: () => saveTeamScopeAction({ org, team, rules: include }),
    preview: () => previewTeamScopeAction({ org, team, rules: include }),
    addMember: () => addTeamMemberAction(null, member("viewer")),
    changeRole: () => changeTeamMemberRoleAction(null, member("admin", tenant.users.viewer.id)),
    removeMember: () => removeTeamMemberAction(null, formOf({ org, team, userId: tenant.users.editor.id })),
  };
}

async function codes(actions: Record<string, () => Promise<{ ok: boolean; error?: { code: string } }>>) {
  const out: Record<string, string> = {};
  for (const [name, run] of Object.entries(actions)) {
    const result = await run();
    out[name] = result.ok ? "ok" : result.error!.code;
  }
  return out;
}

const allCodes = (code: string) =>
  Object.fromEntries(
    ["create", "update", "delete", "saveScope", "preview", "addMember", "changeRole", "removeMember"].map((k) => [
      k,
      code,
    ]),
  );

async function snapshot(tenant: TTenant) {
  const [team, members, audits] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: tenant.team.id } }),
    db.teamMembership.findMany({ where: { teamId: tenant.team.id }, select: { userId: true, role: true } }),
    db.auditLog.count({ where: { orgId: tenant.org.id } }),
  ]);
  return { team, members: members.sort((a, b) => a.userId.localeCompare(b.userId)), audits };
}

describe("team settings and member actions: who may do what", () => {
  it("signed-out callers are unauthorized and change nothing", async () => {
    const a = await createTestTenant();
    const before = await snapshot(a);
    signInAs(null);
    expect(await codes(everyAction(a.org.slug, a.team.slug, a))).toEqual(allCodes("unauthorized"));
    expect(await snapshot(a)).toEqual(before);
  });

  it("an admin of another org gets not_found for this org's teams, by org slug or by team slug", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const before = await snapshot(a);
    signInAs(b.users.admin);
    expect(await codes(everyAction(a.org.slug, a.team.slug, a))).toEqual(allCodes("not_found"));
    // Their own org's slug with A's team slug: no such team there.
    const viaOwnOrg = everyAction(b.org.slug, a.team.slug, a);
    const { create: _create, ...teamScoped } = viaOwnOrg;
    const { create: _c, ...expected } = allCodes("not_found");
    expect(await codes(teamScoped)).toEqual(expected);
    // Their own team with A's users: those people are not on it, nor in the org.
    const foreignUsers = {
      add: () =>
        addTeamMemberAction(
          null,
          formOf({ org: b.org.slug, team: b.team.slug, userId: a.users.member.id, role: "viewer" }),
        ),
      change: () =>
        changeTeamMemberRoleAction(
          null,
          formOf({ org: b.org.slug, team: b.team.slug, userId: a.users.viewer.id, role: "admin" }),
        ),
      remove: () =>
        removeTeamMemberAction(null, formOf({ org: b.org.slug, team: b.team.slug, userId: a.users.viewer.id })),
    };
    expect(await codes(foreignUsers)).toEqual({ add: "not_found", change: "not_found", remove: "not_found" });
    expect(await snapshot(a)).toEqual(before);
  });

  it("a team admin manages their own team's members but not its settings, and cannot see other teams", async () => {
    const a = await createTestTenant();
    signInAs(a.users.teamAdmin);
    const own = everyAction(a.org.slug, a.team.slug, a);
    expect(await codes(own)).toEqual({
      create: "forbidden",
      update: "forbidden",
      delete: "forbidden",
      saveScope: "forbidden",
      preview: "forbidden",
      addMember: "ok",
      changeRole: "ok",
      removeMember: "ok",
    });
    const members = await db.teamMembership.findMany({
      where: { teamId: a.team.id },
      select: { userId: true, role: true },
    });
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: a.users.member.id, role: "viewer" },
        { userId: a.users.viewer.id, role: "admin" },
      ]),
    );
    expect(members.some((m) => m.userId === a.users.editor.id)).toBe(false);
    expect(await db.team.findUniqueOrThrow({ where: { id: a.team.id } })).toMatchObject({ name: a.team.name });

    const { create: _create, ...other } = everyAction(a.org.slug, a.otherTeam.slug, a);
    const { create: _c, ...expected } = allCodes("not_found");
    expect(await codes(other)).toEqual(expected);
  });

  it("viewers and editors are forbidden to manage members; org members off the team get not_found", async () => {
    const a = await createTestTenant();
    const memberActions = (tenant: TTenant) => {
      const { addMember, changeRole, removeMember } = everyAction(tenant.org.slug, tenant.team.slug, tenant);
      return { addMember, changeRole, removeMember };
    };
    const before = await snapshot(a);
    signInAs(a.users.viewer);
    expect(await codes(memberActions(a))).toEqual({
      addMember: "forbidden",
      changeRole: "forbidden",
      removeMember: "forbidden",
    });
    signInAs(a.users.editor);
    expect(await codes(memberActions(a))).toEqual({
      addMember: "forbidden",
      changeRole: "forbidden",
      removeMember: "forbidden",
    });
    signInAs(a.users.member);
    expect(await codes(memberActions(a))).toEqual({
      addMember: "not_found",
      changeRole: "not_found",
      removeMember: "not_found",
    });
    expect(await snapshot(a)).toEqual(before);
  });

  it("org owners and admins can do everything", async () => {
    const a = await createTestTenant();
    signInAs(a.users.owner);
    const { delete: del, ...rest } = everyAction(a.org.slug, a.team.slug, a);
    expect(Object.values(await codes(rest)).every((c) => c === "ok")).toBe(true);
    signInAs(a.users.admin);
    // The team was renamed, not re-slugged, so the slug still confirms the deletion.
    await expect(del()).rejects.toMatchObject({ digest: expect.stringContaining(`;/o/${a.org.slug}/settings/teams;`) });
    expect(await db.team.count({ where: { id: a.team.id } })).toBe(0);
  });
});

describe("leaving a team", () => {
  it("sends a team admin who leaves to the org overview, since the team page is gone for them", async () => {
    const a = await createTestTenant();
    signInAs(a.users.teamAdmin);
    const leave = removeTeamMemberAction(
      null,
      formOf({ org: a.org.slug, team: a.team.slug, userId: a.users.teamAdmin.id }),
    );
    await expect(leave).rejects.toMatchObject({ digest: expect.stringContaining(`;/o/${a.org.slug};`) });
    expect(await db.teamMembership.count({ where: { teamId: a.team.id, userId: a.users.teamAdmin.id } })).toBe(0);
  });
});

describe("team settings actions: results the forms show", () => {
  it("creates a team and reports a taken slug under the slug field", async () => {
    const a = await createTestTenant();
    signInAs(a.users.admin);
    const created = await createTeamAction(
      null,
      formOf({ org: a.org.slug, name: "Search", slug: "Search", description: "Indexing", priority: "40" }),
    );
    expect(created).toEqual({ ok: true, data: { slug: "search" } });
    const again = await createTeamAction(
      null,
      formOf({ org: a.org.slug, name: "Search 2", slug: "search", priority: "40" }),
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { slug: [expect.any(String)] } },
    });
  });

  it("answers bad input with field errors", async () => {
    const a = await createTestTenant();
    signInAs(a.users.admin);
    const result = await createTeamAction(null, formOf({ org: a.org.slug, name: "x", slug: "-bad-", priority: "-1" }));
    expect(result.ok).toBe(false);
    expect(Object.keys((!result.ok && result.error.fieldErrors) || {}).sort()).toEqual(["name", "priority", "slug"]);
    const wrongConfirm = await deleteTeamAction(null, formOf({ org: a.org.slug, team: a.team.slug, confirm: "nope" }));
    expect(wrongConfirm).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { confirm: [expect.any(String)] } },
    });
    const notMember = await addTeamMemberAction(
      null,
      formOf({ org: a.org.slug, team: a.team.slug, userId: "not-a-uuid", role: "owner" }),
    );
    expect(!notMember.ok && Object.keys(notMember.error.fieldErrors ?? {}).sort()).toEqual(["role", "userId"]);
  });

  it("saves a scope, reassigning owners, and keys rule errors by row and field", async () => {
    const a = await createTestTenant();
    const cluster = await createTestCluster(a.org.id);
    await db.resource.createMany({
      data: [
        { orgId: a.org.id, clusterId: cluster.id, namespace: "shop", kind: "Namespace", name: "shop" },
        { orgId: a.org.id, clusterId: cluster.id, namespace: "shop", kind: "Deployment", name: "web" },
      ],
    });
    signInAs(a.users.admin);
    const rule = { effect: "include", cluster: cluster.slug, namespace: "shop", kind: "", name: "", labels: [] };
    const bad = await saveTeamScopeAction({
      org: a.org.slug,
      team: a.team.slug,
      rules: [rule, { ...rule, namespace: "sh op", labels: [{ key: "", value: "x" }] }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(Object.keys((!bad.ok && bad.error.fieldErrors) || {}).sort()).toEqual([
      "rules.1.labels.0.key",
      "rules.1.namespace",
    ]);

    const preview = await previewTeamScopeAction({ org: a.org.slug, team: a.team.slug, rules: [rule] });
    expect(preview).toMatchObject({ ok: true, data: { owned: { namespaces: 1, workloads: 1 }, gained: 2 } });
    expect(await db.resource.count({ where: { orgId: a.org.id, ownerTeamId: a.team.id } })).toBe(0);

    expect(await saveTeamScopeAction({ org: a.org.slug, team: a.team.slug, rules: [rule] })).toEqual({
      ok: true,
      data: { reassigned: 2 },
    });
    expect(await db.resource.count({ where: { orgId: a.org.id, ownerTeamId: a.team.id } })).toBe(2);
  });
});
