import type { TCiFinding } from "@/lib/ci/queries";
import { SeverityBadge, type TSeverity } from "@/components/findings/severity-badge";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { RemediationText } from "./remediation-text";

export type TCiFindingItem = TCiFinding & { remediation: string | null };

const severityOf = (value: string): TSeverity =>
  (SEVERITY_LEVELS as readonly string[]).includes(value) ? (value as TSeverity) : "none";

function objectLabel(f: TCiFinding): string {
  return f.namespace ? `${f.namespace}/${f.name}` : f.name;
}

/**
 * Open CI findings: what failed, on which object, where in the repository, and (folded) how to
 * fix it. `showBranch` names each finding's repository and branch when several are listed.
 */
export function CiFindingsList({
  items,
  showBranch,
  now,
}: {
  items: TCiFindingItem[];
  showBranch: boolean;
  now: Date;
}) {
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((f) => (
        <li key={f.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:gap-4">
          <div className="w-20 shrink-0 pt-0.5">
            <SeverityBadge severity={severityOf(f.severity)} />
          </div>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <h3 className="font-medium text-slate-900">{f.title}</h3>
              <code className="font-mono text-xs text-slate-500">{f.checkId}</code>
              {f.blocking ? <Badge tone="red">Blocks CI</Badge> : null}
            </div>
            <p className="mt-1 text-sm text-slate-600">
              <span className="text-slate-500">{f.kind}</span>{" "}
              <span className="font-mono text-[0.8125rem] text-slate-800">{objectLabel(f)}</span>
              {showBranch ? (
                <span className="text-slate-500">
                  {" "}
                  in {f.repository} <span className="font-mono text-xs">{f.branch}</span>
                </span>
              ) : null}
            </p>
            {f.messages.length ? (
              <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700 marker:text-slate-300">
                {f.messages.map((m, i) => (
                  <li key={i} className="break-words">
                    {m}
                  </li>
                ))}
              </ul>
            ) : null}
            {f.remediation ? (
              <details className="group mt-2">
                <summary className="inline-flex cursor-pointer list-none items-center gap-1 text-sm font-medium text-brand-600 select-none hover:text-brand-700 [&::-webkit-details-marker]:hidden">
                  <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
                    ›
                  </span>
                  How to fix
                </summary>
                <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5">
                  <RemediationText text={f.remediation} />
                </div>
              </details>
            ) : null}
          </div>
          <div className="shrink-0 text-xs text-slate-500 sm:w-56 sm:text-right">
            {f.file ? (
              <p className="font-mono break-all text-slate-700" title="File and line in the repository">
                {f.file}
                {f.line ? `:${f.line}` : ""}
              </p>
            ) : (
              <p className="text-slate-400">No file (standard input)</p>
            )}
            <p className="mt-1" title={formatDateTime(f.firstSeenAt)}>
              First seen {formatLastUsed(f.firstSeenAt, now)}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
