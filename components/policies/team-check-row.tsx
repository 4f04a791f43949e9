"use client";

import { useActionState, useState } from "react";
import { updateTeamCheckAction } from "@/app/(dashboard)/o/[org]/policies/actions";
import { CHECK_SEVERITIES, SEVERITY_RANK, type TCheckSetting, type TTeamCheckRow } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { cn } from "@/components/ui/cn";
import { Td } from "@/components/ui/table";
import { CHECKBOX, CheckCell, RowError, RowStatus, SELECT, submitKeepingFields } from "./check-cells";
import { SettingSummary } from "./setting-badges";

const label = (s: string) => s[0]!.toUpperCase() + s.slice(1);

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
        <Td>
          <SettingSummary setting={org} />
        </Td>
        <Td className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="enabled"
            className={CHECKBOX}
            checked={org.enabled || enabled}
            disabled={org.enabled}
            title={org.enabled ? lockedTitle : undefined}
            onChange={(e) => change(setEnabled)(e.target.checked)}
            aria-label={`Turn on for the team: ${check.title}`}
          />
        </Td>
        <Td>
          <select
            form={formId}
            name="severity"
            className={SELECT}
            value={severity}
            disabled={!choices.length}
            onChange={(e) => change(setSeverity)(e.target.value as TCheckSeverity | "")}
            aria-label={`Severity: ${check.title}`}
          >
            <option value="">Org&apos;s ({org.severity})</option>
            {choices.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </Td>
        <Td className="text-center">
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
        </Td>
        <Td className="text-center">
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
        </Td>
        <Td>
          <SettingSummary setting={effective} />
        </Td>
        <Td className="whitespace-nowrap text-right">
          <form id={formId} action={action} onSubmit={submitKeepingFields(action, () => setTouched(false))}>
            <input type="hidden" name="org" value={orgSlug} />
            <input type="hidden" name="team" value={teamSlug} />
            <input type="hidden" name="checkId" value={check.id} />
            <RowStatus pending={pending} dirty={dirty} saved={Boolean(result?.ok) && !touched} label={check.title} />
          </form>
        </Td>
      </tr>
      {result && !result.ok && !touched ? <RowError columns={columns} message={result.error.message} /> : null}
    </>
  );
}
