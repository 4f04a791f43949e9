"use client";

import { useState } from "react";
import { createTicketAction } from "@/lib/tickets/actions";
import type { TTicketSubject } from "@/lib/tickets/schemas";
import type { TTicketChip } from "@/lib/tickets/views";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Block, Skeleton } from "@/components/ui/skeleton";
import { useActionForm } from "@/components/ui/use-action-form";
import { PROVIDER_LABELS } from "./ticket-chip-label";
import { TicketChip } from "./ticket-chip";
import { TicketNoProject } from "./ticket-no-project";
import { createButtonLabel, providerFieldErrors, type TTicketOutcome } from "./ticket-outcome";
import { useTicketPreview } from "./use-ticket-preview";

const FORM_FIELDS = ["title", "subject", "org", "team"] as const;

/**
 * The "Create" side of the dialog: the ticket as it will be sent (title editable, body read-only),
 * where it goes, and, when the problem already has an open ticket, that sending comments there.
 */
export function TicketCreateForm({
  orgSlug,
  teamSlug,
  teamName,
  subject,
  settingsHref,
  onCancel,
  onDone,
}: {
  orgSlug: string;
  teamSlug: string;
  teamName: string;
  subject: TTicketSubject;
  settingsHref: string;
  onCancel: () => void;
  onDone: (outcome: TTicketOutcome, ticket: TTicketChip) => void;
}) {
  const { preview, error, loading } = useTicketPreview(orgSlug, teamSlug, subject);
  // Null until edited: the composed title follows the subject; an edited one is kept.
  const [title, setTitle] = useState<string | null>(null);
  const { state, pending, submit, errors } = useActionForm(createTicketAction, {
    onSuccess: (data: { outcome: TTicketOutcome; ticket: TTicketChip }) => onDone(data.outcome, data.ticket),
  });

  if (loading) {
    return (
      <Skeleton label="Preparing the ticket…" className="space-y-3">
        <Block className="h-4 w-48" />
        <Block className="h-8 w-full" />
        <Block className="h-40 w-full" />
      </Skeleton>
    );
  }
  if (error || !preview) return <Alert tone="error">{error ?? "The preview could not be prepared."}</Alert>;
  if (!preview.project) return <TicketNoProject teamName={teamName} settingsHref={settingsHref} />;

  const provider = PROVIDER_LABELS[preview.project.provider];
  const extra = providerFieldErrors(errors, FORM_FIELDS);
  const refusal = state && !state.ok ? state.error.message : null;
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="ticket-create-form">
      <HiddenFields values={{ org: orgSlug, team: teamSlug, subject: JSON.stringify(subject) }} />
      <p className="text-sm text-slate-600">
        {preview.findingCount === 1 ? "1 finding" : `${preview.findingCount.toLocaleString("en-US")} findings`} →{" "}
        {provider} <span className="font-medium text-slate-900">{preview.project.name}</span>
      </p>
      {preview.existing ? (
        <Alert tone="info">
          <span className="mr-1">This problem already has ticket</span>
          <TicketChip ticket={preview.existing} />
          <span className="ml-1">— sending adds a comment there.</span>
        </Alert>
      ) : null}
      <Field id="ticket-title" label="Title" errors={errors.title}>
        <Input
          name="title"
          value={title ?? preview.title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={250}
          disabled={Boolean(preview.existing)}
          required
        />
      </Field>
      <div className="space-y-1">
        <p id="ticket-body-label" className="text-sm font-medium text-slate-700">
          Description
        </p>
        <pre
          tabIndex={0}
          aria-labelledby="ticket-body-label"
          className="max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-sans text-xs whitespace-pre-wrap text-slate-700"
          data-testid="ticket-body-preview"
        >
          {preview.bodyText}
        </pre>
      </div>
      {extra.length ? (
        <Alert tone="error">
          <p>{provider} refused the ticket:</p>
          <ul className="mt-1 list-disc pl-5">
            {extra.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <code className="text-xs">{e.field}</code>: {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <FormFooter
        submitLabel={createButtonLabel(preview.existing, preview.project.provider)}
        pendingLabel="Sending…"
        pending={pending}
        error={extra.length ? null : refusal}
        onCancel={onCancel}
      />
    </form>
  );
}
