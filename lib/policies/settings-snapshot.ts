import "server-only";
import type pg from "pg";
import { ZScopeRules } from "@/lib/domain/scope-rules";
import { ownerResolver, wildcardMatch, type TScopedResource } from "@/lib/domain/team-scope";
import { exemptionByRule } from "./exemptions";
import { effectiveSetting, type TCheckSetting, type TOrgCheckRow, type TTeamCheckRow } from "./effective";
import type { TCheck, TCheckSeverity } from "./types";

// An org's policy settings as one value, read in one round trip: admission reviews and CI setting
// requests each need all of it, for one object's or one repository's team.

type TSettingRow = {
  checkId: string;
  enabled: boolean;
  severity: TCheckSeverity | null;
  blockAdmission: boolean;
  blockCi: boolean;
};
type TTeamSettingRow = TSettingRow & { teamId: string };
type TTeamRow = { id: string; name: string; priority: number; rules: unknown; repositories: string[] | null };
export type TScopeExemption = {
  teamId: string | null;
  checkIds: string[];
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  reason: string;
};

export type TPolicySnapshot = {
  passive: boolean;
  org: ReadonlyMap<string, TOrgCheckRow>;
  teams: ReadonlyMap<string, ReadonlyMap<string, TTeamCheckRow>>;
  exemptions: readonly TScopeExemption[];
  /** The owning team of a cluster object, by the team scopes. */
  ownerOf: (resource: TScopedResource) => string | null;
  /** The owning team of a repository, by the teams' repository patterns (first by priority). */
  repositoryOwner: (repository: string) => string | null;
};

/** The JSON aggregates of the org's settings, for a SELECT list (the org id is `$1`). */
export const POLICY_SNAPSHOT_COLUMNS = `
  (SELECT policy_passive FROM organizations WHERE id = $1::uuid) AS passive,
  (SELECT coalesce(json_agg(json_build_object('checkId', check_id, 'enabled', enabled, 'severity', severity,
          'blockAdmission', block_admission, 'blockCi', block_ci)), '[]')
     FROM policy_settings WHERE org_id = $1::uuid) AS "orgSettings",
  (SELECT coalesce(json_agg(json_build_object('teamId', team_id, 'checkId', check_id, 'enabled', enabled,
          'severity', severity, 'blockAdmission', block_admission, 'blockCi', block_ci)), '[]')
     FROM team_policy_settings WHERE org_id = $1::uuid) AS "teamSettings",
  (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'priority', priority, 'rules', scope_rules,
          'repositories', repository_patterns)), '[]')
     FROM teams WHERE org_id = $1::uuid) AS teams,
  (SELECT coalesce(json_agg(json_build_object('teamId', team_id, 'checkIds', check_ids, 'cluster', cluster,
          'namespace', namespace, 'kind', kind, 'name', name, 'reason', reason)), '[]')
     FROM policy_exemptions WHERE org_id = $1::uuid AND (expires_at IS NULL OR expires_at > now())) AS exemptions`;

export type TPolicySnapshotRow = {
  passive: boolean | null;
  orgSettings: TSettingRow[];
  teamSettings: TTeamSettingRow[];
  teams: TTeamRow[];
  exemptions: TScopeExemption[];
};

function byPriority(a: TTeamRow, b: TTeamRow) {
  return a.priority - b.priority || a.name.localeCompare(b.name);
}

export function policySnapshotOf(row: TPolicySnapshotRow): TPolicySnapshot {
  const teams = new Map<string, Map<string, TTeamCheckRow>>();
  for (const r of row.teamSettings) {
    const own = teams.get(r.teamId) ?? new Map<string, TTeamCheckRow>();
    own.set(r.checkId, r);
    teams.set(r.teamId, own);
  }
  const ordered = [...row.teams].sort(byPriority);
  return {
    passive: row.passive ?? false,
    org: new Map(row.orgSettings.map((r) => [r.checkId, r])),
    teams,
    exemptions: row.exemptions,
    ownerOf: ownerResolver(
      row.teams.map((t) => ({ id: t.id, name: t.name, priority: t.priority, rules: ZScopeRules.parse(t.rules) })),
    ),
    repositoryOwner: (repository) =>
      ordered.find((t) => (t.repositories ?? []).some((pattern) => wildcardMatch(pattern, repository)))?.id ?? null,
  };
}

export async function loadPolicySnapshot(
  client: Pick<pg.ClientBase, "query">,
  orgId: string,
): Promise<TPolicySnapshot> {
  const { rows } = await client.query<TPolicySnapshotRow>(`SELECT ${POLICY_SNAPSHOT_COLUMNS}`, [orgId]);
  return policySnapshotOf(rows[0]);
}

/** The effective setting of every check for a team (null: the org's alone, e.g. unowned objects). */
export function settingFor(snapshot: TPolicySnapshot, teamId: string | null): (check: TCheck) => TCheckSetting {
  const team = teamId ? snapshot.teams.get(teamId) : undefined;
  return (check) => effectiveSetting(check, snapshot.org.get(check.id), team?.get(check.id));
}

/** The exemption rules that take a check off an object, as a reason; null when none does. */
export function scopeExemption(
  snapshot: TPolicySnapshot,
  object: { cluster: string; namespace: string; kind: string; name: string; teamId: string | null },
  checkId: string,
): string | null {
  const rules = snapshot.exemptions.filter((e) => e.teamId === null || e.teamId === object.teamId);
  return exemptionByRule(rules, checkId, object);
}
