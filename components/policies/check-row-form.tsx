"use client";

import type { ReactNode } from "react";
import type { TCheckInfo } from "@/lib/policies/queries";
import type { TCheckSeverity } from "@/lib/policies/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Cell, CHECKBOX, SELECT } from "./check-cells";
import type { TCheckRow } from "./use-check-row";

// An editable check row: its controls sit in the row's cells and belong to the row's own form (the
// `form` attribute), so each row saves on its own. The org's and a team's tables differ only in
// which controls they offer.

/** The row, its save cell with the form, and under it the server's answer to a refused save. */
export function CheckRowForm({
  row,
  formId,
  fields,
  check,
  columns,
  className,
  children,
}: {
  row: TCheckRow;
  formId: string;
  /** Hidden fields naming the org (and team) and the check. */
  fields: Record<string, string>;
  check: TCheckInfo;
  columns: number;
  className?: string;
  /** The row's cells before the save cell. */
  children: ReactNode;
}) {
  return (
    <>
      <tr className={cn("align-middle", className, row.dirty && "bg-brand-50/40")}>
        {children}
        <Cell className="whitespace-nowrap text-right">
          <form id={formId} action={row.dispatch} onSubmit={row.submit}>
            <HiddenFields values={fields} />
            <RowStatus pending={row.pending} dirty={row.dirty} saved={row.saved} label={check.title} />
          </form>
        </Cell>
      </tr>
      {row.error ? (
        <tr>
          <td colSpan={columns} className="px-4 pb-3">
            <Alert tone="error">{row.error}</Alert>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/**
 * A row's save button: primary while the row has unsaved changes, a check mark beside it once the
 * server has them. A polite live region says the same to screen readers.
 */
function RowStatus({
  pending,
  dirty,
  saved,
  label,
}: {
  pending: boolean;
  dirty: boolean;
  saved: boolean;
  label: string;
}) {
  const done = saved && !dirty && !pending;
  return (
    <span className="inline-flex items-center justify-end gap-1.5">
      <span role="status" className="sr-only">
        {pending ? `Saving ${label}…` : done ? `${label}: saved.` : ""}
      </span>
      <span aria-hidden className={cn("w-4 text-sm text-emerald-600", !done && "invisible")} title="Saved">
        ✓
      </span>
      <Button type="submit" size="sm" variant={dirty ? "primary" : "secondary"} disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save"}
        <span className="sr-only"> {label}</span>
      </Button>
    </span>
  );
}

/** The row's "enabled" checkbox; labelled by the caller's <label> around it, or by `aria-label`. */
export function EnabledCheckbox({
  row,
  formId,
  "aria-label": ariaLabel,
}: {
  row: TCheckRow;
  formId: string;
  "aria-label"?: string;
}) {
  return (
    <input
      type="checkbox"
      form={formId}
      name="enabled"
      className={CHECKBOX}
      checked={row.values.enabled}
      onChange={(e) => row.set("enabled")(e.target.checked)}
      aria-label={ariaLabel}
    />
  );
}

/** The severity select of a row; `children` are its options, which differ between org and team. */
export function SeveritySelect({
  row,
  formId,
  check,
  disabled,
  children,
}: {
  row: TCheckRow;
  formId: string;
  check: TCheckInfo;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <select
      form={formId}
      name="severity"
      className={SELECT}
      value={row.values.severity}
      disabled={disabled}
      onChange={(e) => row.set("severity")(e.target.value as TCheckSeverity | "")}
      aria-label={`Severity: ${check.title}`}
    >
      {children}
    </select>
  );
}

const BLOCKS = [
  { name: "blockAdmission", label: "Block in admission" },
  { name: "blockCi", label: "Block in CI" },
] as const;

/**
 * The "blocks in admission / CI" checkboxes of a row. `locked`: what the org already blocks, so a
 * team's box shows checked and cannot be cleared.
 */
export function BlockCells({
  row,
  formId,
  check,
  locked,
}: {
  row: TCheckRow;
  formId: string;
  check: TCheckInfo;
  locked?: { blockAdmission: boolean; blockCi: boolean };
}) {
  return BLOCKS.map(({ name, label }) => {
    const isLocked = locked?.[name] ?? false;
    return (
      <Cell key={name} className="text-center">
        <input
          type="checkbox"
          form={formId}
          name={name}
          className={CHECKBOX}
          checked={isLocked || row.values[name]}
          disabled={isLocked}
          title={isLocked ? "Set by the org for every team" : undefined}
          onChange={(e) => row.set(name)(e.target.checked)}
          aria-label={`${label}: ${check.title}`}
        />
      </Cell>
    );
  });
}
