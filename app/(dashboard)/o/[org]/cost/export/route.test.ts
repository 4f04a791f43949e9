import { describe, expect, it } from "vitest";
import { allocation, deploymentAllocation, uploadReport } from "@/lib/cost/testing/upload";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { GET } from "./route";

const get = (org: string, query: string) =>
  GET(new Request(`http://bumpers.test/o/${org}/cost/export?${query}`), { params: Promise.resolve({ org }) });

const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const window = { start: `${day}T00:00:00Z`, end: `${day}T23:59:59Z` };

describe("cost CSV export", () => {
  it("answers a page's table as CSV, with cells a spreadsheet would run escaped", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id);
    await uploadReport(t.org.id, cluster.id, "opencost", {
      code: 200,
      data: [
        {
          ...deploymentAllocation("shop", "=HYPERLINK", window, { cpu: 2, ram: 1 }),
          __idle__: allocation("__idle__", {}, window, { cpu: 0.5 }),
        },
      ],
    });
    signInAs(t.users.admin);

    const teams = await get(t.org.slug, "table=teams&range=7d");
    expect(teams.status).toBe(200);
    expect(teams.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(teams.headers.get("content-disposition")).toMatch(/^attachment; filename="cost-teams-[\d-]+\.csv"$/);
    const rows = (await teams.text()).trim().split("\n");
    expect(rows[0]).toBe("team,bucket,cost,previous_cost,change,efficiency,share,currency");
    expect(rows).toContain("idle,idle,0.5,,,,0.14285714285714285,USD");
    expect(rows.find((r) => r.startsWith("unassigned,"))).toMatch(/^unassigned,unassigned,3,/);

    const workloads = await (await get(t.org.slug, "table=breakdown&team=unassigned&by=workload&range=7d")).text();
    expect(workloads.split("\n")[1]).toMatch(/^'=HYPERLINK,/);
  });

  it("names a bad parameter, and hides teams and orgs the caller cannot read", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.editor);
    const bad = await get(a.org.slug, "table=everything");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual({ field: "table" });
    expect((await get(a.org.slug, `table=breakdown&team=${a.otherTeam.slug}`)).status).toBe(404);
    expect((await get(a.org.slug, "table=breakdown&team=unassigned")).status).toBe(404);
    expect((await get(a.org.slug, `table=breakdown&team=${a.team.slug}`)).status).toBe(200);
    // The cloud bill is for org admins.
    expect((await get(a.org.slug, "table=cloud")).status).toBe(403);
    expect((await get(b.org.slug, "table=teams")).status).toBe(404);
    signInAs(null);
    expect((await get(a.org.slug, "table=teams")).status).toBe(401);
  });
});
