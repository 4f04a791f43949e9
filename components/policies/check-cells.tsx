import Link from "next/link";
import { startTransition, type FormEvent } from "react";
import type { TCheckInfo } from "@/lib/policies/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Td } from "@/components/ui/table";

// The cells the check tables share, editable or not.

export const CHECKBOX =
  "size-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 focus:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-60";
export const SELECT =
  "h-8 w-full min-w-28 rounded-md border border-slate-300 bg-white pl-2 pr-7 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20";

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
    <Td className="max-w-xs">
      <div className={cn("font-medium", muted ? "text-slate-500" : "text-slate-900")} title={check.description}>
        {check.title}
      </div>
      <code className="font-mono text-xs text-slate-500">{check.id}</code>
    </Td>
  );
}

export function FindingsCell({ count, href, title }: { count: number; href: string; title: string }) {
  return (
    <Td className="text-right tabular-nums">
      {count > 0 ? (
        <Link
          href={href}
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
    <Td className="text-right tabular-nums">
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

/** A row's save button and what happened to its last save. */
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
  const status = pending ? "Saving…" : dirty ? "Unsaved" : saved ? "Saved" : "";
  return (
    <div className="flex items-center justify-end gap-2">
      <span
        role="status"
        className={cn("w-14 text-right text-xs", status === "Saved" ? "text-emerald-700" : "text-slate-500")}
      >
        {status}
      </span>
      <Button
        type="submit"
        size="sm"
        variant={dirty ? "primary" : "secondary"}
        disabled={pending}
        aria-busy={pending}
        aria-label={`Save ${label}`}
      >
        Save
      </Button>
    </div>
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
