import { describe, expect, it } from "vitest";
import { createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { pool } from "@/lib/server/db";
import { DEFAULT_PRICES } from "../prices";
import { HOURS_PER_MONTH, listRightsizing } from "./rightsizing";
import { orgCostScope } from "../scope";
import { uploadReport } from "../testing/upload";
import { fixtureJson } from "@/lib/testing/fixtures";

const WORKLOADS = fixtureJson("lib/ingest/parsers/fixtures/workloads-report.json");

// Goldilocks summary (pkg/summary Summary) for two containers: one asks for far too much, one too little.
const goldilocks = {
  Namespaces: {
    payments: {
      namespace: "payments",
      workloads: {
        "payments-api": {
          controllerName: "payments-api",
          controllerType: "Deployment",
          containers: {
            api: {
              containerName: "api",
              requests: { cpu: "1", memory: "2Gi" },
              limits: { cpu: "2", memory: "4Gi" },
              target: { cpu: "250m", memory: "512Mi" },
              lowerBound: {},
              upperBound: {},
              uncappedTarget: {},
            },
          },
        },
        "payments-db": {
          controllerName: "payments-db",
          controllerType: "StatefulSet",
          containers: {
            postgresql: {
              containerName: "postgresql",
              requests: { cpu: "1", memory: "2Gi" },
              limits: { cpu: "2", memory: "4Gi" },
              target: { cpu: "1", memory: "3Gi" },
              lowerBound: {},
              upperBound: {},
              uncappedTarget: {},
            },
          },
        },
      },
    },
  },
};

describe("rightsizing", () => {
  it("turns Goldilocks targets into recommended requests with the monthly saving, largest first, linked to the findings", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const team = await createTestTeam(org.id, {
      rules: [{ effect: "include", cluster: "*", namespace: "payments", kind: "*", name: "*" }],
    });
    await uploadReport(org.id, cluster.id, "workloads", WORKLOADS);
    await uploadReport(org.id, cluster.id, "goldilocks", goldilocks);
    const rows = await listRightsizing(orgCostScope(org.id));
    expect(rows.map((r) => `${r.workload}/${r.container}`)).toEqual(["payments-api/api", "payments-db/postgresql"]);
    const [api, db] = rows;
    expect(api).toMatchObject({
      replicas: 3,
      team: { id: team.id },
      current: { cpuCores: 1, memoryBytes: 2 * 2 ** 30 },
      recommended: { cpuCores: 0.25, memoryBytes: 512 * 2 ** 20 },
    });
    expect(api.monthlySaving).toBeCloseTo(
      3 * HOURS_PER_MONTH * (0.75 * DEFAULT_PRICES.cpuHour + 1.5 * DEFAULT_PRICES.memoryGibHour),
      9,
    );
    // Asking for too little memory costs money to fix: a negative saving, listed last.
    expect(db.monthlySaving).toBeCloseTo(-1 * HOURS_PER_MONTH * 1 * DEFAULT_PRICES.memoryGibHour, 9);
    const findings = await pool.query<{ id: string }>(
      `SELECT id FROM findings WHERE org_id = $1 AND source = 'goldilocks' AND name = 'payments-api' AND check_id LIKE '%Request%'`,
      [org.id],
    );
    expect(api.findings.map((f) => f.id).sort()).toEqual(findings.rows.map((r) => r.id).sort());
    // A member of another team sees none of it.
    expect(await listRightsizing({ orgId: org.id, teamIds: [], unassigned: false })).toEqual([]);
  });
});
