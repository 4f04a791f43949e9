"use client";

import { useActionState, useState } from "react";
import { updateOrgCheckAction } from "@/app/(dashboard)/o/[org]/policies/actions";
import { CHECK_SEVERITIES, type TCheckSetting } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { cn } from "@/components/ui/cn";
import {
  Cell,
  CHECKBOX,
  CheckCell,
  FindingsCell,
  RowError,
  RowStatus,
  SELECT,
  severityLabel,
  submitKeepingFields,
  TeamsCell,
} from "./check-cells";

/**
 * One check of the Checks tab, editable by org admins: the controls sit in the row's cells and
 * belong to the row's own form (the `form` attribute), so each row saves on its own, with or
 * without JavaScript. A refused save keeps what was chosen, next to the server's message.
 */
export function OrgCheckRow({
  orgSlug,
  check,
  setting,
  openFindings,
  findingsHref,
  tighteningTeams,
  columns,
}: {
  orgSlug: string;
  check: TCheckInfo;
  setting: TCheckSetting;
  openFindings: number;
  findingsHref: string;
  tighteningTeams: number;
  columns: number;
}) {
  const [result, action, pending] = useActionState(updateOrgCheckAction, null);
  const [enabled, setEnabled] = useState(setting.enabled);
  const [severity, setSeverity] = useState<TCheckSeverity | "">(
    setting.severity === check.defaultSeverity ? "" : setting.severity,
  );
  const [blockAdmission, setBlockAdmission] = useState(setting.blockAdmission);
  const [blockCi, setBlockCi] = useState(setting.blockCi);
  const [touched, setTouched] = useState(false);
  const formId = `org-check-${check.id}`;
  const dirty =
    enabled !== setting.enabled ||
    (severity || check.defaultSeverity) !== setting.severity ||
    blockAdmission !== setting.blockAdmission ||
    blockCi !== setting.blockCi;
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setTouched(true);
    };

  return (
    <>
      <tr className={cn("align-middle", !enabled && "bg-slate-50/60", dirty && "bg-brand-50/40")}>
        <CheckCell check={check} muted={!enabled} />
        <Cell className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="enabled"
            className={CHECKBOX}
            checked={enabled}
            onChange={(e) => change(setEnabled)(e.target.checked)}
            aria-label={`Enabled: ${check.title}`}
          />
        </Cell>
        <Cell>
          <select
            form={formId}
            name="severity"
            className={SELECT}
            value={severity}
            onChange={(e) => change(setSeverity)(e.target.value as TCheckSeverity | "")}
            aria-label={`Severity: ${check.title}`}
          >
            {CHECK_SEVERITIES.map((s) =>
              s === check.defaultSeverity ? (
                <option key={s} value="">
                  {severityLabel(s)} (default)
                </option>
              ) : (
                <option key={s} value={s}>
                  {severityLabel(s)}
                </option>
              ),
            )}
          </select>
        </Cell>
        <Cell className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="blockAdmission"
            className={CHECKBOX}
            checked={blockAdmission}
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
            checked={blockCi}
            onChange={(e) => change(setBlockCi)(e.target.checked)}
            aria-label={`Block in CI: ${check.title}`}
          />
        </Cell>
        <FindingsCell count={openFindings} href={findingsHref} title={check.title} />
        <TeamsCell count={tighteningTeams} />
        <Cell className="whitespace-nowrap text-right">
          <form id={formId} action={action} onSubmit={submitKeepingFields(action, () => setTouched(false))}>
            <input type="hidden" name="org" value={orgSlug} />
            <input type="hidden" name="checkId" value={check.id} />
            <RowStatus pending={pending} dirty={dirty} saved={Boolean(result?.ok) && !touched} label={check.title} />
          </form>
        </Cell>
      </tr>
      {result && !result.ok && !touched ? <RowError columns={columns} message={result.error.message} /> : null}
    </>
  );
}
