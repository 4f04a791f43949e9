"use client";

import { useActionState } from "react";
import { updateOrgCheckAction } from "@/lib/policies/actions";
import { CHECK_SEVERITIES, SEVERITY_NAMES } from "@/lib/domain/severity";
import type { TCheckSetting } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { cn } from "@/components/ui/cn";
import {
  BlockCell,
  Cell,
  CHECKBOX,
  CheckCell,
  FindingsCell,
  RowError,
  RowStatus,
  SELECT,
  submitKeepingFields,
  TeamsCell,
} from "./check-cells";
import { useCheckRow } from "./use-check-row";
import { HiddenFields } from "@/components/ui/hidden-fields";

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
  const { values, set, dirty, touched, untouch } = useCheckRow({
    enabled: setting.enabled,
    severity: setting.severity === check.defaultSeverity ? "" : setting.severity,
    blockAdmission: setting.blockAdmission,
    blockCi: setting.blockCi,
  });
  const formId = `org-check-${check.id}`;

  return (
    <>
      <tr className={cn("align-middle", !values.enabled && "bg-slate-50/60", dirty && "bg-brand-50/40")}>
        <CheckCell check={check} muted={!values.enabled} />
        <Cell className="text-center">
          <input
            type="checkbox"
            form={formId}
            name="enabled"
            className={CHECKBOX}
            checked={values.enabled}
            onChange={(e) => set("enabled")(e.target.checked)}
            aria-label={`Enabled: ${check.title}`}
          />
        </Cell>
        <Cell>
          <select
            form={formId}
            name="severity"
            className={SELECT}
            value={values.severity}
            onChange={(e) => set("severity")(e.target.value as TCheckSeverity | "")}
            aria-label={`Severity: ${check.title}`}
          >
            {CHECK_SEVERITIES.map((s) =>
              s === check.defaultSeverity ? (
                <option key={s} value="">
                  {SEVERITY_NAMES[s]} (default)
                </option>
              ) : (
                <option key={s} value={s}>
                  {SEVERITY_NAMES[s]}
                </option>
              ),
            )}
          </select>
        </Cell>
        <BlockCell
          formId={formId}
          name="blockAdmission"
          label="Block in admission"
          checkTitle={check.title}
          checked={values.blockAdmission}
          onChange={set("blockAdmission")}
        />
        <BlockCell
          formId={formId}
          name="blockCi"
          label="Block in CI"
          checkTitle={check.title}
          checked={values.blockCi}
          onChange={set("blockCi")}
        />
        <FindingsCell count={openFindings} href={findingsHref} title={check.title} />
        <TeamsCell count={tighteningTeams} />
        <Cell className="whitespace-nowrap text-right">
          <form id={formId} action={action} onSubmit={submitKeepingFields(action, untouch)}>
            <HiddenFields values={{ org: orgSlug, checkId: check.id }} />
            <RowStatus pending={pending} dirty={dirty} saved={Boolean(result?.ok) && !touched} label={check.title} />
          </form>
        </Cell>
      </tr>
      {result && !result.ok && !touched ? <RowError columns={columns} message={result.error.message} /> : null}
    </>
  );
}
