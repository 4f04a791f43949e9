import type { Route } from "next";
import Link from "next/link";
import type { TRulePreview } from "@/lib/alerting/preview";
import { GROUPING_LABELS } from "@/lib/alerting/schemas";
import { PdSeverityBadge } from "./badges";
import { inAppHref, sampleText } from "./links";

const MAX_GROUPS = 8;

/** What a rule would page for now: its incidents (alert groups) with counts and a sample. */
export function RulePreview({ preview, noPage }: { preview: TRulePreview; noPage: boolean }) {
  if (!preview.groups.length) {
    return (
      <p className="text-sm text-slate-500">No open finding matches this rule right now: it would page for nothing.</p>
    );
  }
  const shown = preview.groups.slice(0, MAX_GROUPS);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {noPage ? (
          <>
            Would show <strong>{preview.groups.length}</strong> alert{preview.groups.length === 1 ? "" : "s"} in the
            feed (no page), over {preview.affectedResources} affected resource
            {preview.affectedResources === 1 ? "" : "s"}.
          </>
        ) : (
          <>
            Would open <strong>{preview.pagedGroups}</strong> incident{preview.pagedGroups === 1 ? "" : "s"} for{" "}
            {preview.affectedResources} affected resource{preview.affectedResources === 1 ? "" : "s"}.
          </>
        )}
      </p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {shown.map((g) => {
          const href = inAppHref(g.link);
          const scope = Object.entries(g.scope)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ");
          return (
            <li key={`${g.check}:${scope}`} className="px-3 py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{g.title}</span>
                {noPage ? null : <PdSeverityBadge severity={g.pdSeverity} />}
                <span className="text-xs text-slate-500">
                  {g.affectedResources} resource{g.affectedResources === 1 ? "" : "s"} · {g.findings} finding
                  {g.findings === 1 ? "" : "s"} · {GROUPING_LABELS[g.grouping].toLowerCase()}
                  {scope ? ` (${scope})` : ""}
                </span>
              </div>
              {g.sample.length ? (
                <div className="mt-0.5 break-all font-mono text-xs text-slate-500">
                  {sampleText(g.sample, g.affectedResources)}
                </div>
              ) : null}
              <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                <span>
                  {noPage
                    ? "No page"
                    : g.destinations.length
                      ? `→ ${g.destinations.join(", ")}`
                      : "→ no destination (the team has none and there is no fallback)"}
                </span>
                {href ? (
                  <Link href={href as Route} className="font-medium text-brand-600 hover:text-brand-700">
                    Findings
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {preview.groups.length > shown.length ? (
        <p className="text-xs text-slate-500">…and {preview.groups.length - shown.length} more incidents.</p>
      ) : null}
    </div>
  );
}
