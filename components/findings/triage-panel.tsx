"use client";

import {
  assignFindingsAction,
  snoozeFindingsAction,
  unassignFindingsAction,
  unresolveFindingsAction,
  unsnoozeFindingsAction,
} from "@/lib/findings/actions";
import type { TAssignablePerson } from "@/lib/findings/ui-format";
import { SnoozeMenu, TriageButton, TriageOutcome } from "./triage-controls";
import { TriageDialogs, type TTriageDialog } from "./triage-dialogs";
import { useTriage } from "./use-triage";

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
  const { run, pending, notice, openDialog, dialogs } = useTriage(orgSlug);
  const ids = [findingId];
  const open = (which: TTriageDialog) => openDialog(which, ids);
  const canTakeIt = assigneeId !== viewerId && people.some((p) => p.id === viewerId);

  return (
    <div className="space-y-3" data-testid="triage-panel">
      <div className="flex flex-wrap gap-2">
        {resolved ? (
          <TriageButton pending={pending} onClick={() => run("Reopened", unresolveFindingsAction, ids)}>
            Reopen
          </TriageButton>
        ) : (
          <TriageButton variant="primary" pending={pending} onClick={() => open("resolve")}>
            Resolve…
          </TriageButton>
        )}
        {snoozed ? (
          <TriageButton pending={pending} onClick={() => run("Unsnoozed", unsnoozeFindingsAction, ids)}>
            Unsnooze
          </TriageButton>
        ) : null}
        <SnoozeMenu
          label={snoozed ? "Snooze longer" : "Snooze"}
          align="right"
          pending={pending}
          onPreset={(preset) => run("Snoozed", snoozeFindingsAction, ids, { preset })}
          onDate={() => open("snooze")}
        />
      </div>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
        {canTakeIt ? (
          <TriageButton
            pending={pending}
            onClick={() => run("Assigned", assignFindingsAction, ids, { assignee: viewerId })}
          >
            Assign to me
          </TriageButton>
        ) : null}
        <TriageButton variant="ghost" pending={pending} onClick={() => open("assign")}>
          {assigneeId ? "Reassign…" : "Assign…"}
        </TriageButton>
        {assigneeId ? (
          <TriageButton
            variant="ghost"
            pending={pending}
            onClick={() => run("Unassigned", unassignFindingsAction, ids)}
          >
            Unassign
          </TriageButton>
        ) : null}
      </div>
      <TriageOutcome pending={pending} notice={notice} />
      <TriageDialogs {...dialogs} orgSlug={orgSlug} people={people} viewerId={viewerId} />
    </div>
  );
}
