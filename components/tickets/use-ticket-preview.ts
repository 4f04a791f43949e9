"use client";

import { useEffect, useState, useTransition } from "react";
import { previewTicketAction } from "@/lib/tickets/actions";
import type { TTicketSubject } from "@/lib/tickets/schemas";
import type { TTicketChip } from "@/lib/tickets/views";

export type TTicketPreview = {
  title: string;
  bodyText: string;
  findingCount: number;
  project: { provider: "jira" | "github"; name: string } | null;
  existing: TTicketChip | null;
};

/**
 * The preview of a subject's ticket (title, body, findings, target project, an existing ticket),
 * asked again whenever the subject changes. A refusal's message is kept to show in its place.
 */
export function useTicketPreview(orgSlug: string, teamSlug: string, subject: TTicketSubject) {
  const key = JSON.stringify(subject);
  const [answer, setAnswer] = useState<{ key: string; preview: TTicketPreview | null; error: string | null } | null>(
    null,
  );
  const [loading, startTransition] = useTransition();
  useEffect(() => {
    let current = true;
    startTransition(async () => {
      const result = await previewTicketAction({ org: orgSlug, team: teamSlug, subject: key });
      if (!current) return;
      setAnswer(
        result.ok
          ? { key, preview: result.data as TTicketPreview, error: null }
          : { key, preview: null, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [orgSlug, teamSlug, key]);
  const fresh = answer?.key === key ? answer : null;
  return { preview: fresh?.preview ?? null, error: fresh?.error ?? null, loading: loading || !fresh };
}
