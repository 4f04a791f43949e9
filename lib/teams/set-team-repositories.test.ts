import { describe, expect, it } from "vitest";
import { saveTeamRepositoriesAction } from "@/lib/teams/actions";
import { recordCiScan } from "@/lib/ci/record-scan";
import { db } from "@/lib/server/db";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { listTeamRepositoryPatterns } from "./queries";
import { parsePatternLines, previewRepositoryOwners } from "./repository-patterns";
import { deleteTeam } from "./delete-team";
import { setTeamRepositories } from "./set-team-repositories";
import { updateTeam } from "./update-team";
import { formOf } from "@/lib/testing/forms";
import { codeOf } from "@/lib/testing/errors";

const auditRows = (orgId: string) =>
  db.auditLog.findMany({ where: { orgId, action: "team.repositories_changed" }, orderBy: { id: "asc" } });

function scan(repository: string, branch = "main") {
  return {
    repository,
    branch,
    commit: "abcdef12",
    results: [
      {
        checkId: "tagNotSpecified",
        severity: "medium",
        category: "reliability",
        title: "Image tag",
        kind: "Deployment",
        name: "app",
      },
    ],
  };
}

/** The owning team of each repository's CI findings and scans, as "findings|scans" team ids. */
async function ciOwners(orgId: string) {
  const [findings, scans] = await Promise.all([
    db.ciFinding.findMany({ where: { orgId }, select: { repository: true, ownerTeamId: true } }),
    db.ciScan.findMany({ where: { orgId }, select: { repository: true, ownerTeamId: true } }),
  ]);
  const out: Record<string, Set<string | null>> = {};
  for (const row of [...findings, ...scans]) (out[row.repository] ??= new Set()).add(row.ownerTeamId);
  return Object.fromEntries(Object.entries(out).map(([repository, owners]) => [repository, [...owners]]));
}

describe("parsePatternLines", () => {
  it("takes one pattern per line, skips blanks and repeats, and names each invalid line", () => {
    expect(parsePatternLines("acme/payments-*\n\n  acme/ledger  \nacme/payments-*\r\n")).toEqual({
      patterns: ["acme/payments-*", "acme/ledger"],
      errors: [],
    });
    const bad = parsePatternLines(`acme/ok\nacme/has space\n-leading\n${"a".repeat(201)}`);
    expect(bad.errors).toHaveLength(3);
    expect(bad.errors[0]).toMatch(/^Line 2 \(acme\/has space\): Use letters/);
    expect(bad.errors[1]).toMatch(/^Line 3 /);
    expect(bad.errors[2]).toMatch(/^Line 4 .*At most 200 characters/);
    const many = parsePatternLines(Array.from({ length: 51 }, (_, i) => `acme/r${i}`).join("\n"));
    expect(many.errors).toEqual(["At most 50 patterns per team; this list has 51."]);
  });
});

describe("setTeamRepositories", () => {
  it("refuses invalid lists and stores nothing", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    for (const patterns of [["acme/has space"], ["-x"], [""], ["a".repeat(201)], ["acme/ok", "acme/x;rm"]]) {
      await expect(setTeamRepositories(t.org.id, actor, t.team.id, patterns)).rejects.toMatchObject({
        code: "bad_request",
        details: { field: "patterns" },
      });
    }
    const tooMany = Array.from({ length: 51 }, (_, i) => `acme/r${i}`);
    await expect(setTeamRepositories(t.org.id, actor, t.team.id, tooMany)).rejects.toMatchObject({
      code: "bad_request",
      message: "At most 50 patterns per team.",
    });
    expect((await db.team.findUniqueOrThrow({ where: { id: t.team.id } })).repositoryPatterns).toEqual([]);
    expect(await auditRows(t.org.id)).toHaveLength(0);
  });

  it("saves the patterns with an audit row of before and after; saving them again records nothing", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const saved = await setTeamRepositories(t.org.id, actor, t.team.id, [
      "acme/payments-*",
      "acme/ledger",
      "acme/ledger",
    ]);
    expect(saved).toEqual({ patterns: ["acme/payments-*", "acme/ledger"], reassigned: 0 });
    await setTeamRepositories(t.org.id, actor, t.team.id, ["acme/payments-*"]);
    await setTeamRepositories(t.org.id, actor, t.team.id, ["acme/payments-*"]);
    const rows = await auditRows(t.org.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actorUserId: t.users.admin.id, targetId: t.team.id, targetLabel: t.team.name });
    expect(rows[1].before).toEqual({ repositoryPatterns: ["acme/payments-*", "acme/ledger"] });
    expect(rows[1].after).toEqual({ repositoryPatterns: ["acme/payments-*"], repositoriesReassigned: 0 });
  });

  it("moves existing CI findings and scans to the first matching team by priority, and back", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    // otherTeam catches everything; team (earlier by priority once set) carves out payments.
    await db.team.update({ where: { id: t.team.id }, data: { priority: 10 } });
    await db.team.update({ where: { id: t.otherTeam.id }, data: { priority: 20, repositoryPatterns: ["acme/*"] } });
    await recordCiScan(t.org.id, scan("acme/payments-api"));
    await recordCiScan(t.org.id, scan("acme/payments-api", "feature/x"));
    await recordCiScan(t.org.id, scan("acme/web"));
    await recordCiScan(t.org.id, scan("other/tool"));
    // The same repository name in another org belongs to that org's teams, whatever this one does.
    const other = await createTestTenant();
    await db.team.update({ where: { id: other.team.id }, data: { repositoryPatterns: ["acme/*"] } });
    await recordCiScan(other.org.id, scan("acme/payments-api"));
    expect(await ciOwners(t.org.id)).toEqual({
      "acme/payments-api": [t.otherTeam.id],
      "acme/web": [t.otherTeam.id],
      "other/tool": [null],
    });

    const teams = await listTeamRepositoryPatterns(t.org.id);
    const preview = previewRepositoryOwners(
      teams,
      t.team.id,
      ["acme/payments-*", "other/*"],
      ["acme/payments-api", "acme/web", "other/tool"],
    );
    const saved = await setTeamRepositories(t.org.id, actor, t.team.id, ["acme/payments-*", "other/*"]);
    expect(saved.reassigned).toBe(2);
    const owners = await ciOwners(t.org.id);
    expect(owners).toEqual({
      "acme/payments-api": [t.team.id],
      "acme/web": [t.otherTeam.id],
      "other/tool": [t.team.id],
    });
    // The form's preview follows the same rule as the server.
    expect(Object.fromEntries(preview.map((p) => [p.repository, [p.ownerId]]))).toEqual(owners);
    expect((await auditRows(t.org.id))[0].after).toMatchObject({ repositoriesReassigned: 2 });

    await setTeamRepositories(t.org.id, actor, t.team.id, []);
    expect(await ciOwners(t.org.id)).toEqual({
      "acme/payments-api": [t.otherTeam.id],
      "acme/web": [t.otherTeam.id],
      "other/tool": [null],
    });
    expect(await ciOwners(other.org.id)).toEqual({ "acme/payments-api": [other.team.id] });
  });

  it("follows a priority change and a deleted team to the next matching team", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    await db.team.update({ where: { id: t.team.id }, data: { priority: 10, repositoryPatterns: ["acme/payments-*"] } });
    await db.team.update({ where: { id: t.otherTeam.id }, data: { priority: 20, repositoryPatterns: ["acme/*"] } });
    await recordCiScan(t.org.id, scan("acme/payments-api"));
    expect(await ciOwners(t.org.id)).toEqual({ "acme/payments-api": [t.team.id] });
    const { name, description } = t.team;
    await updateTeam(t.org.id, actor, t.team.id, { name, description, priority: 30 });
    expect(await ciOwners(t.org.id)).toEqual({ "acme/payments-api": [t.otherTeam.id] });
    await updateTeam(t.org.id, actor, t.team.id, { name, description, priority: 5 });
    expect(await ciOwners(t.org.id)).toEqual({ "acme/payments-api": [t.team.id] });
    await deleteTeam(t.org.id, actor, t.team.id, { confirmSlug: t.team.slug });
    expect(await ciOwners(t.org.id)).toEqual({ "acme/payments-api": [t.otherTeam.id] });
  });

  it("does not let another org change a team: by the verb or through the settings action", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    expect(await codeOf(setTeamRepositories(b.org.id, actorFor(b.users.admin), a.team.id, ["acme/*"]))).toBe(
      "not_found",
    );
    const save = (org: string, team: string) =>
      saveTeamRepositoriesAction(null, formOf({ org, team, patterns: "acme/*" }));
    signInAs(b.users.admin);
    expect(await save(a.org.slug, a.team.slug)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await save(b.org.slug, a.team.slug)).toMatchObject({ ok: false, error: { code: "not_found" } });
    // A team admin runs their team's members, not which repositories it owns.
    signInAs(a.users.teamAdmin);
    expect(await save(a.org.slug, a.team.slug)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await db.team.findUniqueOrThrow({ where: { id: a.team.id } })).repositoryPatterns).toEqual([]);
    expect(await auditRows(a.org.id)).toHaveLength(0);

    signInAs(a.users.admin);
    const invalid = await saveTeamRepositoriesAction(
      null,
      formOf({ org: a.org.slug, team: a.team.slug, patterns: "acme/ok\nacme/not ok" }),
    );
    expect(invalid).toMatchObject({
      ok: false,
      error: { fieldErrors: { patterns: [expect.stringMatching(/^Line 2/)] } },
    });
    const ok = await saveTeamRepositoriesAction(
      null,
      formOf({ org: a.org.slug, team: a.team.slug, patterns: "acme/payments-*\n\nacme/ledger\n" }),
    );
    expect(ok).toEqual({ ok: true, data: { patterns: ["acme/payments-*", "acme/ledger"], reassigned: 0 } });
    signInAs(null);
  });
});
