"use client";

import { useState } from "react";
import {
  assignFindingsAction,
  snoozeFindingsAction,
  unassignFindingsAction,
  unresolveFindingsAction,
  unsnoozeFindingsAction,
} from "@/lib/findings/actions";
import { SNOOZE_PRESET_LABELS, SNOOZE_PRESETS } from "@/lib/findings/triage-schemas";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { TAssignablePerson } from "@/lib/findings/ui-format";
import { AssignDialog, ResolveDialog, SnoozeDateDialog } from "./triage-dialogs";
import { useTriage } from "./use-triage";

type TDialog = "resolve" | "snooze" | "assign" | null;

/**
 * The actions on one finding for people who may triage it. What is offered follows its state:
 * a resolved finding can be reopened, a snoozed one woken up.
 */
export function TriagePanel({
  orgSlug,
  findingId,
  resolved,
  snoozed,
  assigneeId,
  people,
  viewerId,
}: {
  orgSlug: string;
  findingId: string;
  resolved: boolean;
  snoozed: boolean;
  assigneeId: string | null;
  /** Already narrowed to those who can see this finding. */
  people: TAssignablePerson[];
  viewerId: string;
}) {
  const { run, pending, notice, setNotice, done } = useTriage(orgSlug);
  const [dialog, setDialog] = useState<TDialog>(null);
  const ids = [findingId];
  const open = (which: TDialog) => {
    setNotice(null);
    setDialog(which);
  };
  const finish = (verb: string) => (result: { requested: number; changedIds: string[] }) => {
    setDialog(null);
    done(verb, result);
  };
  const canTakeIt = assigneeId !== viewerId && people.some((p) => p.id === viewerId);

  return (
    <div className="space-y-3" data-testid="triage-panel">
      <div className="flex flex-wrap gap-2">
        {resolved ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run("Reopened", unresolveFindingsAction, ids)}
          >
            Reopen
          </Button>
        ) : (
          <Button size="sm" disabled={pending} onClick={() => open("resolve")}>
            Resolve…
          </Button>
        )}
        {snoozed ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run("Unsnoozed", unsnoozeFindingsAction, ids)}
          >
            Unsnooze
          </Button>
        ) : null}
        <details className="relative" data-menu>
          <summary
            className={cn(
              "inline-flex h-8 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden",
              pending && "pointer-events-none opacity-50",
            )}
          >
            {snoozed ? "Snooze longer" : "Snooze"}
            <svg viewBox="0 0 16 16" className="size-3.5 text-slate-400" aria-hidden>
              <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
            </svg>
          </summary>
          <div className="absolute right-0 z-30 mt-1 w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
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
      </div>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
        {canTakeIt ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run("Assigned", assignFindingsAction, ids, { assignee: viewerId })}
          >
            Assign to me
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => open("assign")}>
          {assigneeId ? "Reassign…" : "Assign…"}
        </Button>
        {assigneeId ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => run("Unassigned", unassignFindingsAction, ids)}
          >
            Unassign
          </Button>
        ) : null}
      </div>
      {pending ? <p className="text-sm text-slate-500">Saving…</p> : null}
      {notice ? (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={cn("text-sm", notice.tone === "error" ? "text-red-700" : "text-emerald-700")}
        >
          {notice.text}
        </p>
      ) : null}
      <ResolveDialog
        open={dialog === "resolve"}
        onClose={() => setDialog(null)}
        orgSlug={orgSlug}
        ids={ids}
        onDone={finish("Resolved")}
      />
      <SnoozeDateDialog
        open={dialog === "snooze"}
        onClose={() => setDialog(null)}
        orgSlug={orgSlug}
        ids={ids}
        onDone={finish("Snoozed")}
      />
      <AssignDialog
        open={dialog === "assign"}
        onClose={() => setDialog(null)}
        orgSlug={orgSlug}
        ids={ids}
        people={people}
        viewerId={viewerId}
        onDone={finish("Assigned")}
      />
    </div>
  );
}
