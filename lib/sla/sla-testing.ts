import { ingest, polarisReport, type TFailingCheck, type TWorkload } from "@/lib/alerting/test-helpers";
import { orgWideScope, type TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { slaDueJoin } from "./due-sql";
import { orgTokenSlaContext } from "./context";
import { setOrgSlaPolicy } from "./set-org-sla-policy";
import type { TSlaPolicy } from "./schemas";

// Test helpers for SLAs: a tenant whose team owns namespace "pay", findings made by the real
// ingest of Polaris reports, and the due date as the one SQL definition computes it.

export const DAY_MS = 86_400_000;
export const HIGH_ONLY: TSlaPolicy = { critical: 10, high: 10, medium: null, low: null };
/** Polaris "danger" findings are high; "warning" ones low (no SLA under HIGH_ONLY). */
export const DANGER: TFailingCheck = { id: "runAsRootAllowed", severity: "danger" };

export async function slaTenant(policy: TSlaPolicy = HIGH_ONLY) {
  const t = await createTestTenant();
  const cluster = await createTestCluster(t.org.id, { slug: "prod" });
  const include = (namespace: string) => ({
    effect: "include" as const,
    cluster: "*",
    namespace,
    kind: "*",
    name: "*",
  });
  await setTeamScope(t.org.id, actorFor(t.users.admin), t.team.id, [include("pay")]);
  await setTeamScope(t.org.id, actorFor(t.users.admin), t.otherTeam.id, [include("ship")]);
  const token = { tokenId: "00000000-0000-0000-0000-0000000000aa", label: "test" };
  await setOrgSlaPolicy(orgTokenSlaContext(t.org.id, token, true), policy);
  const report = (workloads: readonly TWorkload[], checks: readonly TFailingCheck[] = [DANGER]) =>
    ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads, checks));
  const scopes = {
    org: orgWideScope(t.org.id),
    team: { orgId: t.org.id, teamIds: [t.team.id], unassigned: false } satisfies TFindingScope,
    otherTeam: { orgId: t.org.id, teamIds: [t.otherTeam.id], unassigned: false } satisfies TFindingScope,
  };
  return { ...t, cluster, report, scopes };
}

export type TDue = {
  id: string;
  name: string;
  status: string;
  severity: string;
  started: Date;
  due: Date | null;
  breached: Date | null;
};

/** The org's findings of one check with their due dates, by workload name (one finding each). */
export async function duesOf(orgId: string, checkId: string = DANGER.id): Promise<Map<string, TDue>> {
  const { rows } = await pool.query<TDue>(
    `SELECT f.id, f.name, f.status::text AS status, f.severity::text AS severity, f.sla_started_at AS started,
            sla.due_at AS due, f.sla_breached_at AS breached
       FROM findings f ${slaDueJoin("f")} WHERE f.org_id = $1 AND f.check_id = $2 ORDER BY f.name`,
    [orgId, checkId],
  );
  return new Map(rows.map((r) => [r.name, r]));
}

export const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
