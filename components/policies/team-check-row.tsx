"use client";

import { useActionState, useState } from "react";
import { updateTeamCheckAction } from "@/app/(dashboard)/o/[org]/policies/actions";
import { CHECK_SEVERITIES, SEVERITY_RANK, type TCheckSetting, type TTeamCheckRow } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { cn } from "@/components/ui/cn";
import {
  Cell,
  CHECKBOX,
  CheckCell,
  RowError,
  RowStatus,
  SELECT,
  severityLabel,
  submitKeepingFields,
} from "./check-cells";
import { SettingSummary } from "./setting-badges";

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
  const [result, action, pending] = useActionState(updateTeamCheckAction, null);
  const saved = {
    enabled: Boolean(team?.enabled) && !org.enabled,
    severity: raisedSeverity(org, team),
    blockAdmission: Boolean(team?.blockAdmission) && !org.blockAdmission,
    blockCi: Boolean(team?.blockCi) && !org.blockCi,
  };
  const [enabled, setEnabled] = useState(saved.enabled);
  const [severity, setSeverity] = useState<TCheckSeverity | "">(saved.severity);
  const [blockAdmission, setBlockAdmission] = useState(saved.blockAdmission);
  const [blockCi, setBlockCi] = useState(saved.blockCi);
  const [touched, setTouched] = useState(false);
  const formId = `team-check-${check.id}`;
  const dirty =
    enabled !== saved.enabled ||
    severity !== saved.severity ||
    blockAdmission !== saved.blockAdmission ||
    blockCi !== saved.blockCi;
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setTouched(true);
    };
  const stricter = CHECK_SEVERITIES.filter((s) => SEVERITY_RANK[s] > SEVERITY_RANK[org.severity]);
  // A choice the org has since overtaken stays selectable, so the server can say why it is refused.
  const choices = severity && !stricter.includes(severity) ? [severity, ...stricter] : stricter;
  const lockedTitle = "Set by the org for every team";

  return (
    <>
      <tr className={cn("align-middle", dirty && "bg-brand-50/40")}>
        <CheckCell check={check} muted={!effective.enabled} />
        <Cell>
          <SettingSummary setting={org} />
        </Cell>
        <Cell>
          <select
            form={formId}
            name="severity"
            className={SELECT}
            value={severity}
            disabled={!choices.length}
            onChange={(e) => change(setSeverity)(e.target.value as TCheckSeverity | "")}
            aria-label={`Severity: ${check.title}`}
          >
            <option value="">{severityLabel(org.severity)} (org)</option>
            {choices.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
          {org.enabled ? null : (
            <label className="mt-1.5 flex items-center gap-1.5 text-xs text-slate-600">
              <input
                type="checkbox"
                form={formId}
                name="enabled"
                className={CHECKBOX}
                checked={enabled}
                onChange={(e) => change(setEnabled)(e.target.checked)}
              />
              Turn on for the team
              <span className="sr-only">: {check.title}</span>
            </label>
          )}
        </Cell>
        <Cell className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="blockAdmission"
            className={CHECKBOX}
            checked={org.blockAdmission || blockAdmission}
            disabled={org.blockAdmission}
            title={org.blockAdmission ? lockedTitle : undefined}
            onChange={(e) => change(setBlockAdmission)(e.target.checked)}
            aria-label={`Block in admission: ${check.title}`}
          />
        </Cell>
        <Cell className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="blockCi"
            className={CHECKBOX}
            checked={org.blockCi || blockCi}
            disabled={org.blockCi}
            title={org.blockCi ? lockedTitle : undefined}
            onChange={(e) => change(setBlockCi)(e.target.checked)}
            aria-label={`Block in CI: ${check.title}`}
          />
        </Cell>
        <Cell>
          <SettingSummary setting={effective} />
        </Cell>
        <Cell className="whitespace-nowrap text-right">
          <form id={formId} action={action} onSubmit={submitKeepingFields(action, () => setTouched(false))}>
            <input type="hidden" name="org" value={orgSlug} />
            <input type="hidden" name="team" value={teamSlug} />
            <input type="hidden" name="checkId" value={check.id} />
            <RowStatus pending={pending} dirty={dirty} saved={Boolean(result?.ok) && !touched} label={check.title} />
          </form>
        </Cell>
      </tr>
      {result && !result.ok && !touched ? <RowError columns={columns} message={result.error.message} /> : null}
    </>
  );
}
