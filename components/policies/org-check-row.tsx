"use client";

import { useActionState, useState } from "react";
import { updateOrgCheckAction } from "@/app/(dashboard)/o/[org]/policies/actions";
import { CHECK_SEVERITIES, type TCheckSetting } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { cn } from "@/components/ui/cn";
import { Td } from "@/components/ui/table";
import { SeverityBadge } from "@/components/findings/severity-badge";
import {
  CHECKBOX,
  CheckCell,
  FindingsCell,
  RowError,
  RowStatus,
  SELECT,
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
        <Td>
          <SeverityBadge severity={check.defaultSeverity} />
        </Td>
        <Td className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="enabled"
            className={CHECKBOX}
            checked={enabled}
            onChange={(e) => change(setEnabled)(e.target.checked)}
            aria-label={`Enabled: ${check.title}`}
          />
        </Td>
        <Td>
          <select
            form={formId}
            name="severity"
            className={SELECT}
            value={severity}
            onChange={(e) => change(setSeverity)(e.target.value as TCheckSeverity | "")}
            aria-label={`Severity: ${check.title}`}
          >
            <option value="">Default ({check.defaultSeverity})</option>
            {CHECK_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
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
            checked={blockAdmission}
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
            checked={blockCi}
            onChange={(e) => change(setBlockCi)(e.target.checked)}
            aria-label={`Block in CI: ${check.title}`}
          />
        </Td>
        <FindingsCell count={openFindings} href={findingsHref} title={check.title} />
        <TeamsCell count={tighteningTeams} />
        <Td className="whitespace-nowrap text-right">
          <form id={formId} action={action} onSubmit={submitKeepingFields(action, () => setTouched(false))}>
            <input type="hidden" name="org" value={orgSlug} />
            <input type="hidden" name="checkId" value={check.id} />
            <RowStatus pending={pending} dirty={dirty} saved={Boolean(result?.ok) && !touched} label={check.title} />
          </form>
        </Td>
      </tr>
      {result && !result.ok && !touched ? <RowError columns={columns} message={result.error.message} /> : null}
    </>
  );
}
