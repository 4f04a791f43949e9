import type { Route } from "next";
import Link from "next/link";
import { startTransition, type FormEvent } from "react";
import type { TCheckInfo } from "@/lib/policies/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Td, Th } from "@/components/ui/table";

// The cells the check tables share, editable or not. Cells are narrower than the app's tables
// (px-3): a check row holds up to nine columns in the page's width.

/** A table cell of the check tables. */
export function Cell({ className, ...props }: Parameters<typeof Td>[0]) {
  return <Td className={cn("px-3", className)} {...props} />;
}

/** A header cell of the check tables; `group` spans the columns below it. */
export function HeadCell({ className, ...props }: Parameters<typeof Th>[0]) {
  return <Th className={cn("px-3", className)} {...props} />;
}

export const CHECKBOX =
  "size-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 focus:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-60";
export const SELECT =
  "h-8 w-44 rounded-md border border-slate-300 bg-white pl-2 pr-7 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";

/**
 * Submits a row's form without React's reset after the action, so a refused change stays on
 * screen next to the message. Without JavaScript the form posts to the same action.
 */
export function submitKeepingFields(dispatch: (form: FormData) => void, before?: () => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    before?.();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
}

export function CheckCell({ check, muted }: { check: TCheckInfo; muted?: boolean }) {
  return (
    <Td className="min-w-44 max-w-56 px-3">
      <div className={cn("font-medium", muted ? "text-slate-500" : "text-slate-900")} title={check.description}>
        {check.title}
      </div>
      <code className="font-mono text-xs text-slate-500">{check.id}</code>
    </Td>
  );
}

export function FindingsCell({ count, href, title }: { count: number; href: string; title: string }) {
  return (
    <Td className="px-3 text-right tabular-nums">
      {count > 0 ? (
        <Link
          href={href as Route}
          className="font-medium text-brand-700 hover:underline"
          aria-label={`${count} open finding${count === 1 ? "" : "s"}: ${title}`}
        >
          {count}
        </Link>
      ) : (
        <span className="text-slate-300" aria-label="none">
          –
        </span>
      )}
    </Td>
  );
}

export function TeamsCell({ count }: { count: number }) {
  return (
    <Td className="px-3 text-right tabular-nums">
      {count > 0 ? (
        <span className="text-slate-700" title={`${count} team${count === 1 ? "" : "s"} make it stricter`}>
          {count}
        </span>
      ) : (
        <span className="text-slate-300" aria-label="none">
          –
        </span>
      )}
    </Td>
  );
}

/**
 * A row's save button: primary while the row has unsaved changes, a check mark beside it once the
 * server has them. A polite live region says the same to screen readers.
 */
export function RowStatus({
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

/** The server's answer to a refused save, under the row it belongs to. */
export function RowError({ columns, message }: { columns: number; message: string }) {
  return (
    <tr>
      <td colSpan={columns} className="px-4 pb-3">
        <Alert tone="error">{message}</Alert>
      </td>
    </tr>
  );
}

/**
 * A "blocks in admission / CI" checkbox of a row's form. `locked`: the org already blocks it, so a
 * team's box shows checked and cannot be cleared.
 */
export function BlockCell({
  formId,
  name,
  label,
  checkTitle,
  checked,
  locked = false,
  onChange,
}: {
  formId: string;
  name: "blockAdmission" | "blockCi";
  label: string;
  checkTitle: string;
  checked: boolean;
  locked?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Cell className="text-center">
      <input
        type="checkbox"
        form={formId}
        name={name}
        className={CHECKBOX}
        checked={locked || checked}
        disabled={locked}
        title={locked ? "Set by the org for every team" : undefined}
        onChange={(e) => onChange(e.target.checked)}
        aria-label={`${label}: ${checkTitle}`}
      />
    </Cell>
  );
}
