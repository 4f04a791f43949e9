import { CHECK_SEVERITIES, SEVERITY_RANK, type TCheckSeverity } from "../domain/severity";
import type { TCheck } from "./types";

// What a check does for an org and a team. The org sets the baseline; a team may only tighten
// it (turn a check on, raise its severity, make it block), the same principle as the PagerDuty
// baseline. The effective setting is the stricter of the two, so a later org change never has to
// rewrite team rows, and a team row can never loosen anything whatever it holds.

// Severity is the domain's (lib/domain/severity.ts); re-exported for admission's review until it imports it there.
export { SEVERITY_RANK };

export type TCheckSetting = {
  enabled: boolean;
  severity: TCheckSeverity;
  blockAdmission: boolean;
  blockCi: boolean;
};

/** The org's row for a check (absent: the defaults); a null severity keeps the check's own. */
export type TOrgCheckRow = Omit<TCheckSetting, "severity"> & { severity: TCheckSeverity | null };

/** A team's row for a check: the same fields, each of which only tightens. */
export type TTeamCheckRow = TOrgCheckRow;

/** A stored row (whose severity column also allows "none", never written for checks) as a check row. */
export function checkRowOf(
  row: (Omit<TOrgCheckRow, "severity"> & { severity: string | null }) | null | undefined,
): TOrgCheckRow | null {
  if (!row) return null;
  const severity = (CHECK_SEVERITIES as readonly (string | null)[]).includes(row.severity)
    ? (row.severity as TCheckSeverity)
    : null;
  return { enabled: row.enabled, severity, blockAdmission: row.blockAdmission, blockCi: row.blockCi };
}

export function stricterSeverity(a: TCheckSeverity, b: TCheckSeverity | null | undefined): TCheckSeverity {
  return b && SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** Defaults: every check on, at its default severity, warning only ("guardrails, not gates"). */
export function defaultSetting(check: Pick<TCheck, "defaultSeverity">): TCheckSetting {
  return { enabled: true, severity: check.defaultSeverity, blockAdmission: false, blockCi: false };
}

export function orgSetting(check: Pick<TCheck, "defaultSeverity">, row?: TOrgCheckRow | null): TCheckSetting {
  if (!row) return defaultSetting(check);
  return {
    enabled: row.enabled,
    severity: row.severity ?? check.defaultSeverity,
    blockAdmission: row.blockAdmission,
    blockCi: row.blockCi,
  };
}

export function effectiveSetting(
  check: Pick<TCheck, "defaultSeverity">,
  orgRow?: TOrgCheckRow | null,
  teamRow?: TTeamCheckRow | null,
): TCheckSetting {
  const base = orgSetting(check, orgRow);
  if (!teamRow) return base;
  return {
    enabled: base.enabled || teamRow.enabled,
    severity: stricterSeverity(base.severity, teamRow.severity),
    blockAdmission: base.blockAdmission || teamRow.blockAdmission,
    blockCi: base.blockCi || teamRow.blockCi,
  };
}

/**
 * Why a team override would be looser than the org's setting, or null. The effective setting
 * ignores looser fields anyway; refusing them keeps what the team sees on its page honest.
 */
export function teamOverrideConflict(org: TCheckSetting, team: TTeamCheckRow): string | null {
  if (team.severity && SEVERITY_RANK[team.severity] < SEVERITY_RANK[org.severity]) {
    return `The org sets this check to ${org.severity}; a team can raise it but not lower it to ${team.severity}.`;
  }
  return null;
}

/** A team row that changes nothing (every field at or below the org's) can be deleted. */
export function teamOverrideIsNoop(org: TCheckSetting, team: TTeamCheckRow): boolean {
  return (
    (!team.enabled || org.enabled) &&
    (!team.severity || SEVERITY_RANK[team.severity] <= SEVERITY_RANK[org.severity]) &&
    (!team.blockAdmission || org.blockAdmission) &&
    (!team.blockCi || org.blockCi)
  );
}
