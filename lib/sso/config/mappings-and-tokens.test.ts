import { describe, expect, it } from "vitest";
import { hashToken, looksLikeToken } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { addGroupMapping } from "./add-group-mapping";
import { changeGroupMapping } from "./change-group-mapping";
import { createSsoTenant } from "./config-testing";
import { createScimToken } from "./create-scim-token";
import { moveGroupMapping } from "./move-group-mapping";
import { getSsoSettings } from "./queries";
import { removeGroupMapping } from "./remove-group-mapping";
import { revokeScimToken } from "./revoke-scim-token";
import { MAX_ACTIVE_SCIM_TOKENS } from "./schemas";

const groupsOf = async (orgId: string) =>
  (await db.ssoGroupMapping.findMany({ where: { orgId }, orderBy: { position: "asc" } })).map(
    (m) => `${m.position}:${m.groupName}`,
  );

describe("group mappings", () => {
  it("adds at the end, changes in place, moves up and down, removes; each audited with the team's name", async () => {
    const t = await createSsoTenant();
    const admins = await addGroupMapping(t.org.id, t.actor, {
      groupName: "k8s-admins",
      orgRole: "admin",
      teamId: null,
      teamRole: null,
    });
    const payments = await addGroupMapping(t.org.id, t.actor, {
      groupName: "k8s-payments-*",
      orgRole: null,
      teamId: t.team.id,
      teamRole: "editor",
    });
    await addGroupMapping(t.org.id, t.actor, {
      groupName: "everyone",
      orgRole: "member",
      teamId: null,
      teamRole: null,
    });
    expect(await groupsOf(t.org.id)).toEqual(["1:k8s-admins", "2:k8s-payments-*", "3:everyone"]);

    expect(
      await changeGroupMapping(t.org.id, t.actor, payments.id, {
        groupName: "k8s-payments-admins",
        orgRole: null,
        teamId: t.team.id,
        teamRole: "admin",
      }),
    ).toEqual({ changed: true });
    expect(await moveGroupMapping(t.org.id, t.actor, payments.id, "up")).toEqual({ moved: true });
    expect(await moveGroupMapping(t.org.id, t.actor, payments.id, "up")).toEqual({ moved: false });
    expect(await groupsOf(t.org.id)).toEqual(["1:k8s-payments-admins", "2:k8s-admins", "3:everyone"]);
    await removeGroupMapping(t.org.id, t.actor, admins.id);
    expect(await groupsOf(t.org.id)).toEqual(["1:k8s-payments-admins", "2:everyone"]);

    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, action: { startsWith: "sso.mapping_" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "sso.mapping_added",
      "sso.mapping_added",
      "sso.mapping_added",
      "sso.mapping_changed",
      "sso.mapping_moved",
      "sso.mapping_removed",
    ]);
    expect(audit[3]).toMatchObject({
      before: { group: "k8s-payments-*", team: t.team.name, teamRole: "editor" },
      after: { group: "k8s-payments-admins", team: t.team.name, teamRole: "admin" },
    });
    expect(audit[4]).toMatchObject({ before: { position: 2 }, after: { position: 1 } });

    // What the settings page reads: in order, with team names.
    const settings = await getSsoSettings(t.org.id, "https://bumpers.example");
    expect(settings.mappings.map((m) => [m.groupName, m.team?.name ?? null, m.teamRole])).toEqual([
      ["k8s-payments-admins", t.team.name, "admin"],
      ["everyone", null, null],
    ]);
  });

  it("refuses another org's team, half a team mapping and a mapping that grants nothing", async () => {
    const a = await createSsoTenant();
    const b = await createSsoTenant();
    await expect(
      addGroupMapping(a.org.id, a.actor, { groupName: "g", orgRole: null, teamId: b.team.id, teamRole: "viewer" }),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "teamId" } });
    await expect(
      addGroupMapping(a.org.id, a.actor, { groupName: "g", orgRole: null, teamId: a.team.id, teamRole: null }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "Choose both a team and its role, or neither." })],
    });
    await expect(
      addGroupMapping(a.org.id, a.actor, { groupName: "g", orgRole: null, teamId: null, teamRole: null }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "Map the group to an org role or a team." })],
    });
    await expect(
      addGroupMapping(a.org.id, a.actor, { groupName: " ", orgRole: "member", teamId: null, teamRole: null }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["groupName"] })] });
    expect(await db.ssoGroupMapping.count({ where: { orgId: a.org.id } })).toBe(0);
  });

  it("keeps one org's mappings out of another org's reach", async () => {
    const a = await createSsoTenant();
    const b = await createSsoTenant();
    const mapping = await addGroupMapping(a.org.id, a.actor, {
      groupName: "ops",
      orgRole: "admin",
      teamId: null,
      teamRole: null,
    });
    const input = { groupName: "ops", orgRole: "owner" as const, teamId: null, teamRole: null };
    await expect(changeGroupMapping(b.org.id, b.actor, mapping.id, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(moveGroupMapping(b.org.id, b.actor, mapping.id, "down")).rejects.toMatchObject({ code: "not_found" });
    await expect(removeGroupMapping(b.org.id, b.actor, mapping.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeGroupMapping(a.org.id, a.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    expect(await db.ssoGroupMapping.findUniqueOrThrow({ where: { id: mapping.id } })).toMatchObject({
      orgRole: "admin",
    });
  });
});

describe("SCIM tokens", () => {
  it("shows the token once, stores its hash and hint only, and revokes it", async () => {
    const t = await createSsoTenant();
    const created = await createScimToken(t.org.id, t.actor, "Okta provisioning");
    expect(looksLikeToken(created.token, "scim")).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      kind: "scim",
      name: "Okta provisioning",
      tokenHash: hashToken(created.token),
      hint: `${created.token.slice(0, "bmp_scim_".length + 4)}…`,
      tokenCiphertext: null,
      createdById: t.ssoOwner.id,
    });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await authenticateToken(created.token)).toMatchObject({ orgId: t.org.id, kind: "scim" });

    // The settings page lists it without anything secret, with when it was last used.
    const listed = (await getSsoSettings(t.org.id, "https://bumpers.example")).scimTokens;
    expect(listed).toEqual([
      {
        id: created.id,
        name: "Okta provisioning",
        hint: row.hint,
        createdAt: row.createdAt,
        lastUsedAt: expect.any(Date),
        revokedAt: null,
      },
    ]);

    await revokeScimToken(t.org.id, t.actor, created.id);
    expect(await authenticateToken(created.token)).toBeNull();
    await expect(revokeScimToken(t.org.id, t.actor, created.id)).rejects.toMatchObject({ code: "conflict" });
    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, targetId: created.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["scim.token_created", "scim.token_revoked"]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(created.token);
  });

  it("revokes only SCIM tokens of the org, names them, and keeps a handful active at most", async () => {
    const a = await createSsoTenant();
    const b = await createSsoTenant();
    const token = await createScimToken(a.org.id, a.actor, "Entra");
    await expect(revokeScimToken(b.org.id, b.actor, token.id)).rejects.toMatchObject({ code: "not_found" });
    const orgToken = await db.apiToken.create({
      data: { orgId: a.org.id, kind: "org_read", name: "CI", tokenHash: `h-${token.id}`, hint: "bmp_org_x…" },
    });
    await expect(revokeScimToken(a.org.id, a.actor, orgToken.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createScimToken(a.org.id, a.actor, "x")).rejects.toMatchObject({ details: { field: "name" } });

    for (let i = 1; i < MAX_ACTIVE_SCIM_TOKENS; i++) await createScimToken(a.org.id, a.actor, `Token ${i}`);
    await expect(createScimToken(a.org.id, a.actor, "One too many")).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining(`At most ${MAX_ACTIVE_SCIM_TOKENS} SCIM tokens`),
    });
    await revokeScimToken(a.org.id, a.actor, token.id);
    await expect(createScimToken(a.org.id, a.actor, "Replacement")).resolves.toMatchObject({ name: "Replacement" });
  });
});
