"use client";

import { useActionState } from "react";
import { updateTeamCheckAction } from "@/lib/policies/actions";
import { CHECK_SEVERITIES, SEVERITY_NAMES, SEVERITY_RANK } from "@/lib/domain/severity";
import type { TCheckSetting, TTeamCheckRow } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { cn } from "@/components/ui/cn";
import { BlockCell, Cell, CHECKBOX, CheckCell, RowError, RowStatus, SELECT, submitKeepingFields } from "./check-cells";
import { SettingSummary } from "./setting-badges";
import { useCheckRow } from "./use-check-row";
import { HiddenFields } from "@/components/ui/hidden-fields";

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
  const { values, set, dirty, touched, untouch } = useCheckRow({
    enabled: Boolean(team?.enabled) && !org.enabled,
    severity: raisedSeverity(org, team),
    blockAdmission: Boolean(team?.blockAdmission) && !org.blockAdmission,
    blockCi: Boolean(team?.blockCi) && !org.blockCi,
  });
  const severity = values.severity;
  const formId = `team-check-${check.id}`;
  const stricter = CHECK_SEVERITIES.filter((s) => SEVERITY_RANK[s] > SEVERITY_RANK[org.severity]);
  // A choice the org has since overtaken stays selectable, so the server can say why it is refused.
  const choices = severity && !stricter.includes(severity) ? [severity, ...stricter] : stricter;

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
            onChange={(e) => set("severity")(e.target.value as TCheckSeverity | "")}
            aria-label={`Severity: ${check.title}`}
          >
            <option value="">{SEVERITY_NAMES[org.severity]} (org)</option>
            {choices.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_NAMES[s]}
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
                checked={values.enabled}
                onChange={(e) => set("enabled")(e.target.checked)}
              />
              Turn on for the team
              <span className="sr-only">: {check.title}</span>
            </label>
          )}
        </Cell>
        <BlockCell
          formId={formId}
          name="blockAdmission"
          label="Block in admission"
          checkTitle={check.title}
          checked={values.blockAdmission}
          locked={org.blockAdmission}
          onChange={set("blockAdmission")}
        />
        <BlockCell
          formId={formId}
          name="blockCi"
          label="Block in CI"
          checkTitle={check.title}
          checked={values.blockCi}
          locked={org.blockCi}
          onChange={set("blockCi")}
        />
        <Cell>
          <SettingSummary setting={effective} />
        </Cell>
        <Cell className="whitespace-nowrap text-right">
          <form id={formId} action={action} onSubmit={submitKeepingFields(action, untouch)}>
            <HiddenFields values={{ org: orgSlug, team: teamSlug, checkId: check.id }} />
            <RowStatus pending={pending} dirty={dirty} saved={Boolean(result?.ok) && !touched} label={check.title} />
          </form>
        </Cell>
      </tr>
      {result && !result.ok && !touched ? <RowError columns={columns} message={result.error.message} /> : null}
    </>
  );
}
