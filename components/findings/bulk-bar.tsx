"use client";

import {
  snoozeFindingsAction,
  unassignFindingsAction,
  unresolveFindingsAction,
  unsnoozeFindingsAction,
} from "@/lib/findings/actions";
import { eligibleAssignees, type TAssignablePerson } from "@/lib/findings/ui-format";
import { cn } from "@/components/ui/cn";
import { BulkTicketButton } from "@/components/tickets/bulk-ticket-button";
import type { TListRow } from "./row-types";
import { SnoozeMenu, TriageButton, TriageOutcome } from "./triage-controls";
import { findingsWord, TriageDialogs, type TTriageDialog } from "./triage-dialogs";
import { useTriage } from "./use-triage";

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
  const { run, pending, notice, openDialog, dialogs } = useTriage(orgSlug, onClear);
  const ids = selected.map((r) => r.id);
  const count = selected.length;
  const open = (which: TTriageDialog) => openDialog(which, ids);
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
            Select findings to resolve, snooze, assign or ticket several at once. Keyboard: <Kbd>j</Kbd> <Kbd>k</Kbd>{" "}
            move, <Kbd>x</Kbd> select, <Kbd>/</Kbd> search.
          </span>
        )}
      </p>
      {count ? (
        <>
          <TriageButton pending={pending} onClick={() => open("resolve")}>
            Resolve…
          </TriageButton>
          <SnoozeMenu
            label="Snooze"
            align="left"
            pending={pending}
            onPreset={(preset) => run("Snoozed", snoozeFindingsAction, ids, { preset })}
            onDate={() => open("snooze")}
          />
          {snoozedCount ? (
            <TriageButton pending={pending} onClick={() => run("Unsnoozed", unsnoozeFindingsAction, ids)}>
              Unsnooze
            </TriageButton>
          ) : null}
          {resolvedCount ? (
            <TriageButton pending={pending} onClick={() => run("Reopened", unresolveFindingsAction, ids)}>
              Reopen
            </TriageButton>
          ) : null}
          <TriageButton pending={pending} onClick={() => open("assign")}>
            Assign…
          </TriageButton>
          {assignedCount ? (
            <TriageButton pending={pending} onClick={() => run("Unassigned", unassignFindingsAction, ids)}>
              Unassign
            </TriageButton>
          ) : null}
          <BulkTicketButton orgSlug={orgSlug} selected={selected} />
          <TriageButton variant="ghost" pending={pending} onClick={onClear}>
            Clear selection
          </TriageButton>
        </>
      ) : null}
      <TriageOutcome pending={pending} notice={notice} inline />
      <TriageDialogs {...dialogs} orgSlug={orgSlug} people={eligibleAssignees(people, teams)} viewerId={viewerId} />
    </div>
  );
}
