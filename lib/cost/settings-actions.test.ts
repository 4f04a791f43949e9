import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { updateClusterPricesAction, updateCostSettingsAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

describe("cost settings actions", () => {
  it("let an org admin set the currency and prices; empty prices mean the defaults", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const saved = await updateCostSettingsAction(
      null,
      formOf({ org: t.org.slug, currency: "eur", cpuHourPrice: "0.04", memoryGibHourPrice: "", gpuHourPrice: "" }),
    );
    expect(saved).toEqual({ ok: true, data: null });
    expect(await db.costSettings.findUniqueOrThrow({ where: { orgId: t.org.id } })).toMatchObject({
      currency: "EUR",
      cpuHourPrice: 0.04,
      memoryGibHourPrice: null,
      gpuHourPrice: null,
      storageGibHourPrice: null,
    });
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "cost.settings_changed" } })).toBe(1);
  });

  it("names the field of a price or currency it cannot use", async () => {
    const t = await createTestTenant();
    signInAs(t.users.owner);
    expect(
      await updateCostSettingsAction(null, formOf({ org: t.org.slug, currency: "USD", cpuHourPrice: "cheap" })),
    ).toMatchObject({ ok: false, error: { fieldErrors: { cpuHourPrice: [expect.any(String)] } } });
    expect(await updateCostSettingsAction(null, formOf({ org: t.org.slug, currency: "dollars" }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { currency: [expect.stringContaining("ISO 4217")] } },
    });
    expect(
      await updateCostSettingsAction(null, formOf({ org: t.org.slug, currency: "USD", gpuHourPrice: "-1" })),
    ).toMatchObject({ ok: false, error: { fieldErrors: { gpuHourPrice: ["A price cannot be negative."] } } });
    expect(await db.costSettings.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("sets and clears a cluster's own prices, only in the admin's org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const cluster = await createTestCluster(a.org.id);
    const foreign = await createTestCluster(b.org.id);
    signInAs(a.users.admin);
    const prices = (clusterId: string, nodeHourPrice: string) =>
      formOf({ org: a.org.slug, clusterId, nodeHourPrice, cpuHourPrice: "" });
    expect(await updateClusterPricesAction(null, prices(cluster.id, "0.192"))).toEqual({ ok: true, data: null });
    expect(await db.clusterCostPrice.findUniqueOrThrow({ where: { clusterId: cluster.id } })).toMatchObject({
      nodeHourPrice: 0.192,
      cpuHourPrice: null,
    });
    expect(await updateClusterPricesAction(null, prices(cluster.id, ""))).toEqual({ ok: true, data: null });
    expect(await db.clusterCostPrice.count({ where: { clusterId: cluster.id } })).toBe(0);
    expect(await updateClusterPricesAction(null, prices(foreign.id, "1"))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await db.clusterCostPrice.count({ where: { clusterId: foreign.id } })).toBe(0);
  });

  it("is forbidden to members and not_found to other orgs' admins", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const cluster = await createTestCluster(a.org.id);
    for (const user of [a.users.member, a.users.teamAdmin]) {
      signInAs(user);
      expect(await updateCostSettingsAction(null, formOf({ org: a.org.slug, currency: "EUR" }))).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
      expect(
        await updateClusterPricesAction(null, formOf({ org: a.org.slug, clusterId: cluster.id, cpuHourPrice: "1" })),
      ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    signInAs(b.users.admin);
    expect(await updateCostSettingsAction(null, formOf({ org: a.org.slug, currency: "EUR" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await db.costSettings.count({ where: { orgId: a.org.id } })).toBe(0);
  });
});
