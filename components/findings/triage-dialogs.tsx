"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { assignFindingsAction, resolveFindingsAction, snoozeFindingsAction } from "@/lib/findings/actions";
import type { TTriageResult } from "@/lib/findings/triage";
import { MAX_RESOLUTION_REASON, RESOLUTION_LABELS, RESOLUTIONS } from "@/lib/findings/triage-schemas";
import type { TAssignablePerson } from "@/lib/findings/ui-format";
import type { TActionResult } from "@/lib/server/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

// The dialogs behind Resolve, Snooze (custom date) and Assign, shared by the list's bulk bar and
// a finding's own page. Each posts `org` and `ids` to the findings actions and reports back.

export const findingsWord = (n: number) => (n === 1 ? "1 finding" : `${n} findings`);

type TTriageAction = (prev: unknown, form: FormData) => Promise<TActionResult<TTriageResult>>;

/** A dialog's form: runs `action` with the hidden `org` and `ids` and closes on success. */
function useTriageForm(action: TTriageAction, onDone: (result: TTriageResult) => void) {
  const [state, dispatch, pending] = useActionState(action, null);
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    onDone(state.data);
  }, [state, onDone]);
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const formError = state && !state.ok ? state.error.message : null;
  return { submit, pending, errors, formError };
}

function Hidden({ orgSlug, ids }: { orgSlug: string; ids: string[] }) {
  return (
    <>
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="ids" value={ids.join(",")} />
    </>
  );
}

type TFormProps = { orgSlug: string; ids: string[]; onCancel: () => void; onDone: (result: TTriageResult) => void };

function DialogButtons({ pending, label, onCancel }: { pending: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <Button variant="secondary" disabled={pending} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : label}
      </Button>
    </div>
  );
}

function ResolveForm({ orgSlug, ids, onCancel, onDone }: TFormProps) {
  const { submit, pending, errors, formError } = useTriageForm(resolveFindingsAction, onDone);
  const id = useId();
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Hidden orgSlug={orgSlug} ids={ids} />
      {formError && !errors.reason && !errors.resolution ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset aria-describedby={errors.resolution ? `${id}-resolution-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">Why is it not a problem?</legend>
        <div className="mt-2 space-y-2">
          {RESOLUTIONS.map((r, i) => (
            <label key={r} className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="resolution"
                value={r}
                defaultChecked={i === 0}
                className="mt-0.5 size-4 border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              <span>
                <span className="font-medium">{RESOLUTION_LABELS[r]}</span>
                <span className="block text-xs text-slate-500">
                  {r === "will_not_fix"
                    ? "A real issue the team accepts, for now or for good."
                    : "Not an issue here: the setting is deliberate."}
                </span>
              </span>
            </label>
          ))}
        </div>
        {errors.resolution ? (
          <p id={`${id}-resolution-error`} className="mt-1 text-xs text-red-600" role="alert">
            {errors.resolution.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${id}-reason`} label="Reason" errors={errors.reason} hint="Required: the next person will read it.">
        <Textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          required
          autoFocus
          maxLength={MAX_RESOLUTION_REASON}
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          placeholder="e.g. The node exporter needs host networking to read node metrics."
        />
      </Field>
      <DialogButtons pending={pending} label={`Resolve ${findingsWord(ids.length)}`} onCancel={onCancel} />
    </form>
  );
}

/** YYYY-MM-DD of `date` in UTC. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function SnoozeDateForm({ orgSlug, ids, onCancel, onDone }: TFormProps) {
  const { submit, pending, errors, formError } = useTriageForm(snoozeFindingsAction, onDone);
  const id = useId();
  // Computed once per opening; the server checks the date against its own clock anyway.
  const [bounds] = useState(() => {
    const now = Date.now();
    return { min: isoDay(new Date(now + 86_400_000)), max: isoDay(new Date(now + 365 * 86_400_000)) };
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Hidden orgSlug={orgSlug} ids={ids} />
      {formError && !errors.until ? <Alert tone="error">{formError}</Alert> : null}
      <Field id={`${id}-until`} label="Snooze until" errors={errors.until} hint="At most one year from today.">
        <Input
          id={`${id}-until`}
          name="until"
          type="date"
          required
          autoFocus
          min={bounds.min}
          max={bounds.max}
          aria-invalid={Boolean(errors.until)}
          className="w-48"
        />
      </Field>
      <DialogButtons pending={pending} label="Snooze" onCancel={onCancel} />
    </form>
  );
}

function AssignForm({ people, viewerId, ...form }: TFormProps & { people: TAssignablePerson[]; viewerId: string }) {
  const { orgSlug, ids, onCancel } = form;
  const { submit, pending, errors, formError } = useTriageForm(assignFindingsAction, form.onDone);
  const id = useId();
  const me = people.find((p) => p.id === viewerId);
  const others = people.filter((p) => p.id !== viewerId);
  if (!people.length) {
    return (
      <div className="space-y-4">
        <Alert tone="warning">
          Nobody can see all of these findings: they belong to different teams. Select findings of one team.
        </Alert>
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onCancel}>
            Close
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Hidden orgSlug={orgSlug} ids={ids} />
      {formError && !errors.assignee ? <Alert tone="error">{formError}</Alert> : null}
      <Field id={`${id}-assignee`} label="Assign to" errors={errors.assignee}>
        <Select
          id={`${id}-assignee`}
          name="assignee"
          required
          autoFocus
          defaultValue={me?.id ?? ""}
          aria-invalid={Boolean(errors.assignee)}
        >
          {me ? null : <option value="">Choose someone…</option>}
          {me ? <option value={me.id}>Me ({me.name})</option> : null}
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name === p.email ? p.email : `${p.name} (${p.email})`}
            </option>
          ))}
        </Select>
      </Field>
      <DialogButtons pending={pending} label="Assign" onCancel={onCancel} />
    </form>
  );
}

export type TTriageDialog = "resolve" | "snooze" | "assign";

const TRIAGE_DIALOGS: { which: TTriageDialog; title: string; description: string }[] = [
  {
    which: "resolve",
    title: "Resolve",
    description:
      "Resolved findings leave the open list and stop alerting. They stay resolved in later reports until someone reopens them.",
  },
  {
    which: "snooze",
    title: "Snooze",
    description:
      "Snoozed findings are hidden from the open list until the date (00:00 UTC), then open again by themselves.",
  },
  {
    which: "assign",
    title: "Assign",
    description: "The assignee sees them under Assignee: Me. Only people who can see these findings are listed.",
  },
];

/**
 * The three dialogs, one open at a time (`dialog`). `onDone` gets the verb the notice uses
 * ("Resolved", "Snoozed", "Assigned") with the result.
 */
export function TriageDialogs({
  dialog,
  onClose,
  orgSlug,
  ids,
  people,
  viewerId,
  onDone,
}: {
  dialog: TTriageDialog | null;
  onClose: () => void;
  orgSlug: string;
  ids: string[];
  /** Already narrowed to those who can see every one of `ids`. */
  people: TAssignablePerson[];
  viewerId: string;
  onDone: (verb: string, result: TTriageResult) => void;
}) {
  const form = { orgSlug, ids, onCancel: onClose };
  const forms: Record<TTriageDialog, ReactNode> = {
    resolve: <ResolveForm {...form} onDone={(result) => onDone("Resolved", result)} />,
    snooze: <SnoozeDateForm {...form} onDone={(result) => onDone("Snoozed", result)} />,
    assign: (
      <AssignForm {...form} people={people} viewerId={viewerId} onDone={(result) => onDone("Assigned", result)} />
    ),
  };
  return (
    <>
      {TRIAGE_DIALOGS.map(({ which, title, description }) => (
        <Dialog
          key={which}
          open={dialog === which}
          onClose={onClose}
          size="sm"
          title={`${title} ${findingsWord(ids.length)}`}
          description={description}
        >
          {forms[which]}
        </Dialog>
      ))}
    </>
  );
}
