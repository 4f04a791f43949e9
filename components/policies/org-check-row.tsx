"use client";

import { updateOrgCheckAction } from "@/lib/policies/actions";
import { CHECK_SEVERITIES, SEVERITY_NAMES } from "@/lib/domain/severity";
import type { TCheckSetting } from "@/lib/policies/effective";
import type { TCheckInfo } from "@/lib/policies/queries";
import { Cell, CheckCell, FindingsCell, TeamsCell } from "./check-cells";
import { BlockCells, CheckRowForm, EnabledCheckbox, SeveritySelect } from "./check-row-form";
import { useCheckRow } from "./use-check-row";

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
  const row = useCheckRow(updateOrgCheckAction, {
    enabled: setting.enabled,
    severity: setting.severity === check.defaultSeverity ? "" : setting.severity,
    blockAdmission: setting.blockAdmission,
    blockCi: setting.blockCi,
  });
  const formId = `org-check-${check.id}`;

  return (
    <CheckRowForm
      row={row}
      formId={formId}
      fields={{ org: orgSlug, checkId: check.id }}
      check={check}
      columns={columns}
      className={row.values.enabled ? undefined : "bg-slate-50/60"}
    >
      <CheckCell check={check} muted={!row.values.enabled} />
      <Cell className="text-center">
        <EnabledCheckbox row={row} formId={formId} aria-label={`Enabled: ${check.title}`} />
      </Cell>
      <Cell>
        <SeveritySelect row={row} formId={formId} check={check}>
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
        </SeveritySelect>
      </Cell>
      <BlockCells row={row} formId={formId} check={check} />
      <FindingsCell count={openFindings} href={findingsHref} title={check.title} />
      <TeamsCell count={tighteningTeams} />
    </CheckRowForm>
  );
}
