"use client";

import { updateTeamCheckAction } from "@/lib/policies/actions";
import { CHECK_SEVERITIES, SEVERITY_NAMES, SEVERITY_RANK } from "@/lib/domain/severity";
import type { TCheckSetting, TTeamCheckRow } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { Cell, CheckCell } from "./check-cells";
import { BlockCells, CheckRowForm, EnabledCheckbox, SeveritySelect } from "./check-row-form";
import { SettingSummary } from "./setting-badges";
import { useCheckRow } from "./use-check-row";

/** A stored severity that still raises the org's, else "" (the org's). */
function raisedSeverity(org: TCheckSetting, team: TTeamCheckRow | null): TCheckSeverity | "" {
  return team?.severity && SEVERITY_RANK[team.severity] > SEVERITY_RANK[org.severity] ? team.severity : "";
}

/**
 * One check of a team's page, editable by its team admins. Only stricter choices are offered:
 * severities above the org's, and the boxes the org already sets are checked and locked. The
 * server refuses a looser setting anyway (the org may have changed since the page loaded), and
 * its message shows under the row.
 */
export function TeamCheckRow({
  orgSlug,
  teamSlug,
  check,
  org,
  team,
  effective,
  columns,
}: {
  orgSlug: string;
  teamSlug: string;
  check: TCheckInfo;
  org: TCheckSetting;
  team: TTeamCheckRow | null;
  effective: TCheckSetting;
  columns: number;
}) {
  const row = useCheckRow(updateTeamCheckAction, {
    enabled: Boolean(team?.enabled) && !org.enabled,
    severity: raisedSeverity(org, team),
    blockAdmission: Boolean(team?.blockAdmission) && !org.blockAdmission,
    blockCi: Boolean(team?.blockCi) && !org.blockCi,
  });
  const severity = row.values.severity;
  const formId = `team-check-${check.id}`;
  const stricter = CHECK_SEVERITIES.filter((s) => SEVERITY_RANK[s] > SEVERITY_RANK[org.severity]);
  // A choice the org has since overtaken stays selectable, so the server can say why it is refused.
  const choices = severity && !stricter.includes(severity) ? [severity, ...stricter] : stricter;

  return (
    <CheckRowForm
      row={row}
      formId={formId}
      fields={{ org: orgSlug, team: teamSlug, checkId: check.id }}
      check={check}
      columns={columns}
    >
      <CheckCell check={check} muted={!effective.enabled} />
      <Cell>
        <SettingSummary setting={org} />
      </Cell>
      <Cell>
        <SeveritySelect row={row} formId={formId} check={check} disabled={!choices.length}>
          <option value="">{SEVERITY_NAMES[org.severity]} (org)</option>
          {choices.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_NAMES[s]}
            </option>
          ))}
        </SeveritySelect>
        {org.enabled ? null : (
          <label className="mt-1.5 flex items-center gap-1.5 text-xs text-slate-600">
            <EnabledCheckbox row={row} formId={formId} />
            Turn on for the team
            <span className="sr-only">: {check.title}</span>
          </label>
        )}
      </Cell>
      <BlockCells row={row} formId={formId} check={check} locked={org} />
      <Cell>
        <SettingSummary setting={effective} />
      </Cell>
    </CheckRowForm>
  );
}
