import type { Route } from "next";
import Link from "next/link";
import type { TTicketFinding } from "@/lib/findings/ticket-findings";
import { STATE_LABELS } from "@/lib/findings/ui-labels";
import { SeverityBadge, type TSeverity } from "@/components/findings/severity-badge";

/** The findings a ticket covers (the first ones; the counts above say how many in all). */
export function TicketFindingsList({ orgSlug, findings }: { orgSlug: string; findings: TTicketFinding[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="ticket-findings">
      {findings.map((f) => (
        <li key={f.id} className="flex items-start gap-3 px-5 py-2.5">
          <SeverityBadge severity={f.severity as TSeverity} />
          <div className="min-w-0 flex-1">
            <Link
              href={`/o/${orgSlug}/findings/${f.id}` as Route}
              className="font-medium text-slate-900 hover:text-brand-700"
            >
              {f.title}
            </Link>
            <p className="truncate text-xs text-slate-500">
              {[f.cluster, f.namespace, `${f.kind} ${f.name}`].filter(Boolean).join(" › ")}
            </p>
          </div>
          <span className="text-xs whitespace-nowrap text-slate-500">
            {STATE_LABELS[f.state as keyof typeof STATE_LABELS] ?? f.state}
          </span>
        </li>
      ))}
    </ul>
  );
}
