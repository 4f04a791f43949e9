"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TicketDialog } from "./ticket-dialog";
import { selectionSubject, type TSelectedRow } from "./ticket-subjects";

/**
 * The bulk bar's "Open a ticket…": the selected findings as one ticket when they are one team's;
 * otherwise the button says why not instead of opening a dialog that would be refused.
 */
export function BulkTicketButton({ orgSlug, selected }: { orgSlug: string; selected: TSelectedRow[] }) {
  const [why, setWhy] = useState<string | null>(null);
  const result = selectionSubject(selected);
  if (result.ok) {
    const n = selected.length;
    return (
      <TicketDialog
        orgSlug={orgSlug}
        teamSlug={result.team.slug}
        teamName={result.team.name}
        label="Open a ticket…"
        choices={[
          {
            key: "selection",
            label: n === 1 ? "The selected finding" : `The ${n} selected findings`,
            subject: result.subject,
          },
        ]}
      />
    );
  }
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setWhy(result.message)} data-testid="open-ticket">
        Open a ticket…
      </Button>
      {why === result.message ? (
        <p role="alert" className="text-xs text-red-700">
          {why}
        </p>
      ) : null}
    </>
  );
}
