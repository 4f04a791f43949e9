import type { PoolClient } from "pg";
import { describe, expect, it } from "vitest";
import { raiseAlert } from "@/lib/alerting/raise-alert";
import { authorizeOrg } from "@/lib/auth/access";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { clearEndedBudgetAlerts } from "./clear-ended-budget-alerts";
import { createBudget } from "./create-budget";
import { deleteBudget } from "./delete-budget";

async function raise(orgId: string, teamId: string, key: string) {
  const client: PoolClient = await pool.connect();
  try {
    await client.query("BEGIN");
    await raiseAlert(client, { orgId, teamId, key, summary: `Budget ${key} crossed 80%` });
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

const statusOf = async (orgId: string, key: string) =>
  (
    await pool.query<{ status: string }>("SELECT status::text FROM alert_groups WHERE org_id = $1 AND subject = $2", [
      orgId,
      key,
    ])
  ).rows[0]?.status;

describe("budget incidents end with their month", () => {
  it("resolves last month's incident, keeps this month's open, and resolves a deleted budget's", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const access = await authorizeOrg(t.org.slug);
    const input = { name: "Shop", scope: "team" as const, teamId: t.team.id, monthlyAmount: 300 };
    const kept = await createBudget(access, input);
    const removed = await createBudget(access, { ...input, name: "Old shop" });
    const lastMonth = `budget:${kept.id}:2026-10`;
    const thisMonth = `budget:${kept.id}:2026-11`;
    const ofDeleted = `budget:${removed.id}:2026-11`;
    for (const key of [lastMonth, thisMonth, ofDeleted]) await raise(t.org.id, t.team.id, key);
    await deleteBudget(access, removed.id);

    const now = new Date("2026-11-25T12:00:00Z");
    expect(await clearEndedBudgetAlerts({ now, orgId: t.org.id })).toBe(2);
    expect(await statusOf(t.org.id, lastMonth)).toBe("resolved");
    expect(await statusOf(t.org.id, ofDeleted)).toBe("resolved");
    expect(await statusOf(t.org.id, thisMonth)).toBe("open");
    // Nothing left to do for this org on the next run.
    expect(await clearEndedBudgetAlerts({ now, orgId: t.org.id })).toBe(0);
    expect(await statusOf(t.org.id, thisMonth)).toBe("open");
  });
});
