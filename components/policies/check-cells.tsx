import type { Route } from "next";
import Link from "next/link";
import type { TCheckInfo } from "@/lib/policies/queries";
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

/** The head of an editable table's save column, beside a two-row head. */
export function SaveHeadCell() {
  return (
    <HeadCell rowSpan={2}>
      <span className="sr-only">Save</span>
    </HeadCell>
  );
}

/** The heads of the "blocks" columns, under a "Blocks" group; `whose` objects and CI runs they block. */
export function BlockHeadCells({ whose }: { whose: "org" | "team" }) {
  return (
    <>
      <HeadCell
        className="text-center"
        title={`A failing check denies ${whose === "team" ? "the team's objects" : "the object"} at admission`}
      >
        Admission
      </HeadCell>
      <HeadCell
        className="text-center"
        title={`A failing check fails ${whose === "team" ? "the team's CI runs" : "the CI run"}`}
      >
        CI
      </HeadCell>
    </>
  );
}

export const CHECKBOX =
  "size-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 focus:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-60";
export const SELECT =
  "h-8 w-44 rounded-md border border-slate-300 bg-white pl-2 pr-7 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";

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
