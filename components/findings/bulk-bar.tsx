"use client";

import { useState } from "react";
import {
  snoozeFindingsAction,
  unassignFindingsAction,
  unresolveFindingsAction,
  unsnoozeFindingsAction,
} from "@/lib/findings/actions";
import { SNOOZE_PRESET_LABELS, SNOOZE_PRESETS } from "@/lib/findings/triage-schemas";
import { eligibleAssignees, type TAssignablePerson } from "@/lib/findings/ui-format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { TListRow } from "./row-types";
import { AssignDialog, findingsWord, ResolveDialog, SnoozeDateDialog } from "./triage-dialogs";
import { useTriage } from "./use-triage";

type TDialog = "resolve" | "snooze" | "assign" | null;

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-slate-200 bg-slate-50 px-1 font-sans text-[0.6875rem] text-slate-600">
      {children}
    </kbd>
  );
}

/**
 * Bulk triage over the selected rows. Sticky above the table, so it stays in reach while
 * selecting down a long page; it says what happened in a live region.
 */
export function BulkBar({
  orgSlug,
  selected,
  people,
  viewerId,
  onClear,
}: {
  orgSlug: string;
  selected: TListRow[];
  people: TAssignablePerson[];
  viewerId: string;
  onClear: () => void;
}) {
  const { run, pending, notice, setNotice, done } = useTriage(orgSlug, onClear);
  const [dialog, setDialog] = useState<TDialog>(null);
  // The ids a dialog acts on are fixed when it opens.
  const [dialogIds, setDialogIds] = useState<string[]>([]);
  const ids = selected.map((r) => r.id);
  const count = selected.length;
  const open = (which: TDialog) => {
    setDialogIds(ids);
    setNotice(null);
    setDialog(which);
  };
  const close = () => setDialog(null);
  const finish = (verb: string) => (result: { requested: number; changedIds: string[] }) => {
    setDialog(null);
    done(verb, result);
  };
  const snoozedCount = selected.filter((r) => r.state === "snoozed").length;
  const resolvedCount = selected.filter((r) => r.state === "resolved").length;
  const assignedCount = selected.filter((r) => r.assignee).length;
  const teams = [...new Set(selected.map((r) => r.team?.slug ?? null))];

  return (
    <div
      className={cn(
        "sticky top-0 z-20 flex min-h-11 flex-wrap items-center gap-2 border-b px-4 py-1.5",
        count ? "border-brand-100 bg-brand-50" : "border-slate-100 bg-white",
      )}
      data-testid="bulk-bar"
    >
      <p className="mr-2 text-sm" aria-live="polite">
        {count ? (
          <span className="font-medium text-brand-700">{findingsWord(count)} selected</span>
        ) : (
          <span className="text-xs text-slate-500">
            Select findings to resolve, snooze or assign several at once. Keyboard: <Kbd>j</Kbd> <Kbd>k</Kbd> move,{" "}
            <Kbd>x</Kbd> select, <Kbd>/</Kbd> search.
          </span>
        )}
      </p>
      {count ? (
        <>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => open("resolve")}>
            Resolve…
          </Button>
          <details className="relative" data-menu>
            <summary
              className={cn(
                "inline-flex h-8 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden",
                pending && "pointer-events-none opacity-50",
              )}
            >
              Snooze
              <svg viewBox="0 0 16 16" className="size-3.5 text-slate-400" aria-hidden>
                <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
              </svg>
            </summary>
            <div className="absolute left-0 z-30 mt-1 w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
              {SNOOZE_PRESETS.map((preset) => (
                <button
                  key={preset}
                  type="button"
                  className="block w-full rounded px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-50"
                  onClick={(e) => {
                    e.currentTarget.closest("details")?.removeAttribute("open");
                    run("Snoozed", snoozeFindingsAction, ids, { preset });
                  }}
                >
                  For {SNOOZE_PRESET_LABELS[preset]}
                </button>
              ))}
              <button
                type="button"
                className="block w-full rounded px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-50"
                onClick={(e) => {
                  e.currentTarget.closest("details")?.removeAttribute("open");
                  open("snooze");
                }}
              >
                Until a date…
              </button>
            </div>
          </details>
          {snoozedCount ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => run("Unsnoozed", unsnoozeFindingsAction, ids)}
            >
              Unsnooze
            </Button>
          ) : null}
          {resolvedCount ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => run("Reopened", unresolveFindingsAction, ids)}
            >
              Reopen
            </Button>
          ) : null}
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => open("assign")}>
            Assign…
          </Button>
          {assignedCount ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => run("Unassigned", unassignFindingsAction, ids)}
            >
              Unassign
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" disabled={pending} onClick={onClear}>
            Clear selection
          </Button>
        </>
      ) : null}
      {pending ? <span className="text-sm text-slate-500">Saving…</span> : null}
      {notice ? (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={cn("ml-auto text-sm", notice.tone === "error" ? "text-red-700" : "text-emerald-700")}
        >
          {notice.text}
        </p>
      ) : null}
      <ResolveDialog
        open={dialog === "resolve"}
        onClose={close}
        orgSlug={orgSlug}
        ids={dialogIds}
        onDone={finish("Resolved")}
      />
      <SnoozeDateDialog
        open={dialog === "snooze"}
        onClose={close}
        orgSlug={orgSlug}
        ids={dialogIds}
        onDone={finish("Snoozed")}
      />
      <AssignDialog
        open={dialog === "assign"}
        onClose={close}
        orgSlug={orgSlug}
        ids={dialogIds}
        people={eligibleAssignees(people, teams)}
        viewerId={viewerId}
        onDone={finish("Assigned")}
      />
    </div>
  );
}
