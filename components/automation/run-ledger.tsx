import type { Route } from "next";
import type { TRuleRunRow } from "@/lib/automation/rule-runs";
import { LinkButton } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";

const TRIGGER_TEXT: Record<string, string> = {
  report: "Report",
  admission: "Admission",
  ci: "CI scan",
  triage: "Triage",
  schedule: "Daily pass",
  apply: "Apply to existing",
};

/** A rule's runs, newest first: when, why, how many findings, how long, what failed. */
export function RunLedger({
  runs,
  olderHref,
  newestHref,
}: {
  runs: TRuleRunRow[];
  olderHref: string | null;
  newestHref: string | null;
}) {
  if (!runs.length) {
    return (
      <p className="px-5 py-4 text-sm text-slate-500">
        No runs yet. The rule runs on each new report, on triage changes, daily, and when applied to existing findings.
      </p>
    );
  }
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Run ledger</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">
                When
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Trigger
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Matched
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Changed
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Took
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Error
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-5 py-2 text-slate-700">{formatDateTime(r.startedAt)}</td>
                <td className="px-3 py-2 text-slate-700">{TRIGGER_TEXT[r.trigger] ?? r.trigger}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.matched.toLocaleString("en-US")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.changed.toLocaleString("en-US")}</td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-600">
                  {r.durationMs.toLocaleString("en-US")} ms
                </td>
                <td className="px-5 py-2 text-red-700">{r.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {olderHref || newestHref ? (
        <nav aria-label="Run ledger pages" className="flex justify-end gap-2 border-t border-slate-100 px-5 py-2">
          {newestHref ? (
            <LinkButton href={newestHref as Route} size="sm" variant="secondary">
              Newest
            </LinkButton>
          ) : null}
          {olderHref ? (
            <LinkButton href={olderHref as Route} size="sm" variant="secondary">
              Older runs
            </LinkButton>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
