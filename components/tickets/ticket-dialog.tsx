"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TTicketChip } from "@/lib/tickets/views";
import { Button, type TButtonSize, type TButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { TicketCreateForm } from "./ticket-create-form";
import { TicketLinkForm } from "./ticket-link-form";
import type { TTicketOutcome } from "./ticket-outcome";
import { TicketSent } from "./ticket-sent";
import type { TSubjectChoice } from "./ticket-subjects";

/** A segmented pair of radio buttons: arrow keys move between them, as in any radio group. */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  stacked = false,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  stacked?: boolean;
}) {
  return (
    <fieldset className={cn("text-sm", stacked ? "space-y-1.5" : "flex gap-1 rounded-md bg-slate-100 p-1")}>
      <legend className={stacked ? "mb-1 font-medium text-slate-700" : "sr-only"}>{legend}</legend>
      {options.map((o) => (
        <label
          key={o.value}
          className={cn(
            "flex cursor-pointer items-center gap-2",
            !stacked && "flex-1 justify-center rounded px-3 py-1.5 has-checked:bg-white has-checked:shadow-sm",
            !stacked && "has-focus-visible:ring-2 has-focus-visible:ring-brand-500",
          )}
        >
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className={stacked ? "size-4 text-brand-600" : "sr-only"}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * "Open a ticket": create one in the team's Jira project or GitHub repository from a preview, or
 * link one that exists. `choices` are the subjects this place offers (the first recommended).
 */
export function TicketDialog({
  orgSlug,
  teamSlug,
  teamName,
  choices,
  label = "Open a ticket",
  variant = "secondary",
  size = "sm",
  ariaLabel,
}: {
  orgSlug: string;
  teamSlug: string;
  teamName: string;
  choices: TSubjectChoice[];
  label?: string;
  variant?: TButtonVariant;
  size?: TButtonSize;
  /** The trigger's name where a list has one per row ("Open a ticket for Run as root"). */
  ariaLabel?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"create" | "link">("create");
  const [choiceKey, setChoiceKey] = useState(choices[0]?.key ?? "");
  const [sent, setSent] = useState<{ outcome: TTicketOutcome; ticket: TTicketChip } | null>(null);
  const choice = choices.find((c) => c.key === choiceKey) ?? choices[0];
  if (!choice) return null;
  const settingsHref = `/o/${orgSlug}/teams/${teamSlug}/tickets/settings`;

  const close = () => {
    setOpen(false);
    // The placement behind shows the new chip.
    if (sent) router.refresh();
    setSent(null);
  };
  const form = { orgSlug, teamSlug, subject: choice.subject, onCancel: close };

  return (
    <>
      <Button
        variant={variant}
        size={size}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="open-ticket"
      >
        {label}
      </Button>
      <Dialog open={open} onClose={close} title="Open a ticket" description={`For ${teamName}.`}>
        {sent ? (
          <TicketSent outcome={sent.outcome} ticket={sent.ticket} onClose={close} />
        ) : (
          <div className="space-y-4">
            <Choice
              legend="Create or link"
              name="ticket-mode"
              value={mode}
              onChange={setMode}
              options={[
                { value: "create", label: "Create" },
                { value: "link", label: "Link existing" },
              ]}
            />
            {choices.length > 1 ? (
              <Choice
                legend="What the ticket is about"
                name="ticket-subject"
                stacked
                value={choice.key}
                onChange={setChoiceKey}
                options={choices.map((c) => ({ value: c.key, label: c.label }))}
              />
            ) : null}
            {mode === "create" ? (
              <TicketCreateForm
                key={choice.key}
                {...form}
                teamName={teamName}
                settingsHref={settingsHref}
                onDone={(outcome, ticket) => setSent({ outcome, ticket })}
              />
            ) : (
              <TicketLinkForm {...form} onDone={(ticket) => setSent({ outcome: "linked", ticket })} />
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}
