import "server-only";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";
import { db, pool } from "@/lib/server/db";
import { BUILT_IN_CHECKS } from "./checks";
import {
  checkRowOf,
  effectiveSetting,
  orgSetting,
  teamOverrideIsNoop,
  type TCheckSetting,
  type TOrgCheckRow,
  type TTeamCheckRow,
} from "./effective";
import type { TCheck } from "./types";

// Reads of the Policies pages. One statement per concern (the org's settings, the teams'
// overrides, open findings per check), put together here so no page queries per check.

/** What a page needs of a check: plain data, safe to hand to client components. */
export type TCheckInfo = Pick<TCheck, "id" | "title" | "category" | "defaultSeverity" | "description">;

const infoOf = (check: TCheck): TCheckInfo => ({
  id: check.id,
  title: check.title,
  category: check.category,
  defaultSeverity: check.defaultSeverity,
  description: check.description,
});

type TStoredRow = {
  checkId: string;
  enabled: boolean;
  severity: string | null;
  blockAdmission: boolean;
  blockCi: boolean;
};

const ROW_COLUMNS = `check_id AS "checkId", enabled, severity::text AS severity,
                     block_admission AS "blockAdmission", block_ci AS "blockCi"`;

/** Passive mode and the org's own rows (checks at their defaults have none). */
export async function getOrgPolicy(orgId: string): Promise<{ passive: boolean; rows: Map<string, TOrgCheckRow> }> {
  const [org, rows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { policyPassive: true } }),
    pool.query<TStoredRow>(`SELECT ${ROW_COLUMNS} FROM policy_settings WHERE org_id = $1`, [orgId]),
  ]);
  return { passive: org.policyPassive, rows: rowsById(rows.rows) };
}

function rowsById(rows: readonly TStoredRow[]): Map<string, TOrgCheckRow> {
  const out = new Map<string, TOrgCheckRow>();
  for (const row of rows) {
    const parsed = checkRowOf(row);
    if (parsed) out.set(row.checkId, parsed);
  }
  return out;
}

/** Every team override of the org (or of one team), by team and check. */
async function teamRows(orgId: string, teamId?: string): Promise<Map<string, Map<string, TTeamCheckRow>>> {
  const { rows } = await pool.query<TStoredRow & { teamId: string }>(
    `SELECT team_id AS "teamId", ${ROW_COLUMNS} FROM team_policy_settings
      WHERE org_id = $1 ${teamId ? "AND team_id = $2" : ""}`,
    teamId ? [orgId, teamId] : [orgId],
  );
  const out = new Map<string, Map<string, TTeamCheckRow>>();
  for (const row of rows) {
    const parsed = checkRowOf(row);
    if (!parsed) continue;
    const own = out.get(row.teamId) ?? new Map<string, TTeamCheckRow>();
    own.set(row.checkId, parsed);
    out.set(row.teamId, own);
  }
  return out;
}

/**
 * Open findings per check id among the findings the scope sees, whatever their source (the
 * agent's Polaris findings and admission findings share the check ids). Open is the findings
 * lists' default state: not fixed, removed, resolved or snoozed.
 */
async function openFindingsByCheck(scope: TFindingScope): Promise<Map<string, number>> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "f", params);
  params.push(BUILT_IN_CHECKS.map((c) => c.id));
  const { rows } = await pool.query<{ checkId: string; n: number }>(
    `SELECT f.check_id AS "checkId", count(*)::int AS n FROM findings f
      WHERE ${where} AND f.state = 'open' AND f.check_id = ANY($${params.length}::text[])
      GROUP BY f.check_id`,
    params,
  );
  return new Map(rows.map((r) => [r.checkId, r.n]));
}

/** Whether a team's row changes anything over the org's current setting (an org change can make it moot). */
function tightens(check: TCheck, org: TOrgCheckRow | undefined, team: TTeamCheckRow | undefined): boolean {
  return Boolean(team) && !teamOverrideIsNoop(orgSetting(check, org), team!);
}

export type TOrgCheckView = {
  check: TCheckInfo;
  setting: TCheckSetting;
  /** The org has its own row (differs from the defaults). */
  customized: boolean;
  openFindings: number;
  /** Teams whose override is stricter than the org's setting. */
  tighteningTeams: number;
};

/** The Checks tab: every built-in check with the org's setting, open findings and teams tightening it. */
export async function listOrgChecks(scope: TFindingScope): Promise<{ passive: boolean; checks: TOrgCheckView[] }> {
  const [org, teams, open] = await Promise.all([
    getOrgPolicy(scope.orgId),
    teamRows(scope.orgId),
    openFindingsByCheck(scope),
  ]);
  const checks = BUILT_IN_CHECKS.map((check) => {
    const row = org.rows.get(check.id);
    let tighteningTeams = 0;
    for (const own of teams.values()) if (tightens(check, row, own.get(check.id))) tighteningTeams++;
    return {
      check: infoOf(check),
      setting: orgSetting(check, row),
      customized: Boolean(row),
      openFindings: open.get(check.id) ?? 0,
      tighteningTeams,
    };
  });
  return { passive: org.passive, checks };
}

export type TTeamCheckView = {
  check: TCheckInfo;
  org: TCheckSetting;
  /** The team's stored override, or null. */
  team: TTeamCheckRow | null;
  effective: TCheckSetting;
};

/** A team's page: the org's baseline, the team's own override and what applies, per check. */
export async function getTeamPolicy(
  orgId: string,
  teamId: string,
): Promise<{ passive: boolean; checks: TTeamCheckView[] }> {
  const [org, teams] = await Promise.all([getOrgPolicy(orgId), teamRows(orgId, teamId)]);
  const own = teams.get(teamId);
  const checks = BUILT_IN_CHECKS.map((check) => {
    const orgRow = org.rows.get(check.id);
    const teamRow = own?.get(check.id) ?? null;
    return {
      check: infoOf(check),
      org: orgSetting(check, orgRow),
      team: teamRow,
      effective: effectiveSetting(check, orgRow, teamRow),
    };
  });
  return { passive: org.passive, checks };
}

export type TTeamOverrideSummary = {
  id: string;
  slug: string;
  name: string;
  /** The checks the team makes stricter than the org, and how. */
  stricter: { checkId: string; title: string; effective: TCheckSetting }[];
};

/** The given teams (the caller's visible ones) with the checks each makes stricter. */
export async function summarizeTeamOverrides(
  orgId: string,
  teams: readonly { id: string; slug: string; name: string }[],
): Promise<TTeamOverrideSummary[]> {
  const [org, rows] = await Promise.all([getOrgPolicy(orgId), teamRows(orgId)]);
  return teams.map((team) => {
    const own = rows.get(team.id);
    const stricter = BUILT_IN_CHECKS.filter((check) => tightens(check, org.rows.get(check.id), own?.get(check.id))).map(
      (check) => ({
        checkId: check.id,
        title: check.title,
        effective: effectiveSetting(check, org.rows.get(check.id), own?.get(check.id)),
      }),
    );
    return { id: team.id, slug: team.slug, name: team.name, stricter };
  });
}

export type TExemptionView = {
  id: string;
  checkIds: string[];
  team: { id: string; slug: string; name: string } | null;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  reason: string;
  expiresAt: Date | null;
  createdAt: Date;
};

/** The org's exemption rules, the ones still in force first, newest first. */
export async function listExemptions(orgId: string): Promise<TExemptionView[]> {
  const rows = await db.policyExemption.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      checkIds: true,
      cluster: true,
      namespace: true,
      kind: true,
      name: true,
      reason: true,
      expiresAt: true,
      createdAt: true,
      team: { select: { id: true, slug: true, name: true } },
    },
  });
  const now = Date.now();
  const expired = (r: { expiresAt: Date | null }) => (r.expiresAt && r.expiresAt.getTime() <= now ? 1 : 0);
  return rows.sort((a, b) => expired(a) - expired(b));
}
