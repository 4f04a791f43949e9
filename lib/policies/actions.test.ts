import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createExemptionAction, deleteExemptionAction, setPolicyModeAction, updateOrgCheckAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

describe("policy actions", () => {
  it("saves an org setting from the row's form, and back at the defaults keeps no row", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const row = (fields: Record<string, string>) =>
      updateOrgCheckAction(null, formOf({ org: t.org.slug, checkId: "hostNetworkSet", severity: "", ...fields }));
    expect(await row({ enabled: "on", blockAdmission: "on" })).toEqual({
      ok: true,
      data: { checkId: "hostNetworkSet" },
    });
    expect(
      await db.policySetting.findUniqueOrThrow({
        where: { orgId_checkId: { orgId: t.org.id, checkId: "hostNetworkSet" } },
      }),
    ).toMatchObject({
      enabled: true,
      severity: null,
      blockAdmission: true,
      blockCi: false,
    });
    // An unchecked box is absent from the form: the check is off.
    expect(await row({ severity: "critical" })).toMatchObject({ ok: true });
    expect(await db.policySetting.findFirstOrThrow({ where: { orgId: t.org.id } })).toMatchObject({
      enabled: false,
      severity: "critical",
      blockAdmission: false,
    });
    expect(await row({ enabled: "on", severity: "high" })).toMatchObject({ ok: true });
    expect(await db.policySetting.count({ where: { orgId: t.org.id } })).toBe(0);
    expect(await row({ enabled: "on", severity: "urgent" })).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { severity: [expect.any(String)] } },
    });
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "policy.org_setting_changed" } })).toBe(3);

    expect(await setPolicyModeAction(null, formOf({ org: t.org.slug, passive: "on" }))).toEqual({
      ok: true,
      data: { passive: true },
    });
    signInAs(t.users.member);
    expect(await setPolicyModeAction(null, formOf({ org: t.org.slug, passive: "" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: t.org.id } })).policyPassive).toBe(true);
  });

  it("adds an exemption from the form, naming the field it cannot use, and deletes it", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const add = (fields: Record<string, string>) =>
      createExemptionAction(null, formOf({ org: t.org.slug, reason: "Node agents need the host network", ...fields }));
    expect(await add({ checkIds: "hostNetworkSet, noSuchCheck" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { checkIds: [expect.stringContaining("noSuchCheck")] } },
    });
    expect(await add({ checkIds: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { checkIds: ["Choose at least one check."] } },
    });
    expect(await add({ checkIds: "hostNetworkSet", namespace: "kube system" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { namespace: [expect.stringContaining("wildcards")] } },
    });
    expect(await add({ checkIds: "hostNetworkSet", expiresAt: "2020-01-01" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { expiresAt: ["Choose an expiry in the future, or none."] } },
    });
    expect(await add({ checkIds: "hostNetworkSet", reason: "meh" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reason: [expect.any(String)] } },
    });

    const created = await add({
      checkIds: "hostNetworkSet hostPortSet, hostNetworkSet",
      teamId: t.team.id,
      namespace: "monitoring",
      kind: "DaemonSet",
      expiresAt: "2999-12-31",
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(await db.policyExemption.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({
      checkIds: ["hostNetworkSet", "hostPortSet"],
      teamId: t.team.id,
      cluster: "*",
      namespace: "monitoring",
      kind: "DaemonSet",
      name: "*",
      expiresAt: new Date("2999-12-31T23:59:59.999Z"),
    });
    expect(await deleteExemptionAction(null, formOf({ org: t.org.slug, id: created.data.id }))).toEqual({
      ok: true,
      data: null,
    });
    expect(await deleteExemptionAction(null, formOf({ org: t.org.slug, id: created.data.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const actions = await db.auditLog.findMany({ where: { orgId: t.org.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["policy.exemption_created", "policy.exemption_deleted"]);
  });
});
