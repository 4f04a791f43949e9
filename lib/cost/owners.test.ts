import { describe, expect, it } from "vitest";
import { refreshStaleFindingOwners } from "@/lib/worker/stale-owners";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { listTeamCosts } from "./queries/overview";
import { orgCostScope } from "./scope";
import { deploymentAllocation, uploadReport } from "./testing/upload";

describe("cost owners after a scope change", () => {
  it("moves a workload's cost history to the team that now owns it, rollups included", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id);
    const w = { start: "2026-04-01T00:00:00Z", end: "2026-04-03T00:00:00Z" };
    await uploadReport(t.org.id, cluster.id, "opencost", {
      code: 200,
      data: [deploymentAllocation("shop", "web", w, { cpu: 8 })],
    });
    const range = { from: "2026-04-01", to: "2026-04-02" };
    const before = await listTeamCosts(orgCostScope(t.org.id), range);
    expect(before.find((r) => r.key === "unassigned")?.cost).toBe(8);

    await setTeamScope(t.org.id, actorFor(t.users.admin), t.team.id, [
      { effect: "include", cluster: "*", namespace: "shop", kind: "*", name: "*", labels: {} },
    ]);
    await refreshStaleFindingOwners();
    const after = await listTeamCosts(orgCostScope(t.org.id), range);
    expect(after.find((r) => r.key === t.team.id)?.cost).toBe(8);
    expect(after.find((r) => r.key === "unassigned")?.cost).toBe(0);
  });
});
