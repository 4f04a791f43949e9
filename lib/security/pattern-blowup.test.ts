import { describe, expect, it } from "vitest";
import { previewRules } from "@/lib/alerting/preview";
import { insertFindings } from "@/lib/alerting/test-helpers";
import { globMatchSteps, globStepBound } from "@/lib/domain/glob";
import { db } from "@/lib/server/db";
import { previewTeamScope } from "@/lib/teams/resource-queries";
import { ZScopeRules } from "@/lib/domain/scope-rules";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { codeOf } from "@/lib/testing/errors";

// Issue 16, item 1: the two previews the probe used to stall the shared server, run through the
// lib functions their server actions call. Each case also checks the matcher's step count for the
// same (pattern, subject), so the bound is proven on the reported inputs, not only timed.

describe("wildcard previews cannot stall the server", () => {
  it("team scope preview: name `*****Z` against a workload named with 200 `a`s", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id);
    const longName = "a".repeat(200);
    await db.resource.createMany({
      data: [
        { orgId: t.org.id, clusterId: cluster.id, namespace: "apps", kind: "Deployment", name: longName, labels: {} },
        {
          orgId: t.org.id,
          clusterId: cluster.id,
          namespace: "apps",
          kind: "Deployment",
          name: `${longName}Z`,
          labels: {},
        },
      ],
    });
    const preview = async (name: string) =>
      previewTeamScope(t.org.id, t.team.id, ZScopeRules.parse([{ effect: "include", name }]));

    const reported = await preview("*****Z");
    expect(reported.owned.workloads).toBe(1);
    expect(reported.groups.flatMap((g) => g.namespaces.flatMap((n) => n.workloads.map((w) => w.name)))).toEqual([
      `${longName}Z`,
    ]);
    expect((await preview("*****a")).owned.workloads).toBe(1);
    expect((await preview("*a*a*a*a*a*a*a*a*a*a*")).owned.workloads).toBe(2);

    const { matched, steps } = globMatchSteps("*****Z", longName);
    expect(matched).toBe(false);
    expect(steps).toBeLessThanOrEqual(globStepBound(6, 200));
  });

  it("alert rule preview: the reported check pattern is refused, and its allowed twin is answered", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id);
    const dashes = "-".repeat(60);
    await insertFindings({
      orgId: t.org.id,
      clusterId: cluster.id,
      teamId: null,
      checkId: dashes,
      severity: "high",
      count: 1,
    });
    await insertFindings({
      orgId: t.org.id,
      clusterId: cluster.id,
      teamId: null,
      checkId: `${dashes}Z`,
      severity: "high",
      count: 2,
    });
    const preview = async (checks: string[]) => {
      const rules = await previewRules(t.org.id, null, { draft: { name: "Draft", noPage: true, match: { checks } } });
      return rules.find((r) => r.ruleId === "draft")!;
    };

    // The probe's pattern: quotes are not part of any check id, so the form refuses it outright.
    expect(await codeOf(preview(['*"*"*"*"*"*"*"*">Z']))).toBe("bad_request");

    // Same shape with characters a pattern may hold: 8 stars over a 60-character id of separators
    // (about 4 s with the old regular expression).
    const eightStars = "*-*-*-*-*-*-*-*-Z";
    const draft = await preview([eightStars]);
    expect(draft.groups.map((g) => [g.check, g.affectedResources])).toEqual([[`trivy/${dashes}Z`, 2]]);
    for (const subject of [dashes, `trivy/${dashes}`]) {
      const { matched, steps } = globMatchSteps(eightStars, subject);
      expect(matched).toBe(false);
      expect(steps).toBeLessThanOrEqual(globStepBound(eightStars.length, subject.length));
    }
  });
});
