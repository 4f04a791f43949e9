import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { updateClusterSettingsAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

const hoursOf = async (orgId: string) =>
  (await db.organization.findUniqueOrThrow({ where: { id: orgId } })).staleClusterHours;

describe("cluster settings action", () => {
  it("lets an org admin change the stale threshold, with one audit row per change", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    expect(await hoursOf(t.org.id)).toBe(24);

    const saved = await updateClusterSettingsAction(null, formOf({ org: t.org.slug, staleClusterHours: "6" }));
    expect(saved).toEqual({ ok: true, data: { staleClusterHours: 6, changed: true } });
    expect(await hoursOf(t.org.id)).toBe(6);
    // Saving the same value again is fine and leaves no audit noise.
    expect(await updateClusterSettingsAction(null, formOf({ org: t.org.slug, staleClusterHours: "6" }))).toEqual({
      ok: true,
      data: { staleClusterHours: 6, changed: false },
    });

    const audit = await db.auditLog.findMany({ where: { orgId: t.org.id, action: "org.settings_changed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: t.users.admin.id,
      targetType: "organization",
      targetId: t.org.id,
      before: { staleClusterHours: 24 },
      after: { staleClusterHours: 6 },
    });
  });

  it("names the field when the value is out of range or not a whole number", async () => {
    const t = await createTestTenant();
    signInAs(t.users.owner);
    for (const value of ["0", "721", "2.5", "", "soon"]) {
      const result = await updateClusterSettingsAction(null, formOf({ org: t.org.slug, staleClusterHours: value }));
      expect(result, value).toMatchObject({
        ok: false,
        error: { code: "bad_request", fieldErrors: { staleClusterHours: [expect.any(String)] } },
      });
    }
    expect(await hoursOf(t.org.id)).toBe(24);
    expect(await db.auditLog.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("is forbidden to members and not_found to other orgs' admins", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const user of [a.users.member, a.users.teamAdmin, a.users.viewer]) {
      signInAs(user);
      expect(
        await updateClusterSettingsAction(null, formOf({ org: a.org.slug, staleClusterHours: "2" })),
      ).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
    }
    signInAs(b.users.admin);
    expect(await updateClusterSettingsAction(null, formOf({ org: a.org.slug, staleClusterHours: "2" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await hoursOf(a.org.id)).toBe(24);
  });
});
