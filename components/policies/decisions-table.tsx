import type { TDecisionRow } from "@/lib/admission/decision-log";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";

const SHOWN_WARNINGS = 4;

/** Allowed, warned, denied; passive mode's "would deny" is drawn apart (dashed), it was let through. */
export function OutcomeBadge({ outcome, passive }: { outcome: TDecisionRow["outcome"]; passive: boolean }) {
  if (passive)
    return (
      <span
        className="inline-flex items-center whitespace-nowrap rounded-full border border-dashed border-orange-400 bg-white px-2 py-0.5 text-xs font-medium text-orange-700"
        title="Passive mode let it through; enforcing would have denied it"
      >
        would deny
      </span>
    );
  if (outcome === "denied") return <Badge tone="red">denied</Badge>;
  if (outcome === "warned") return <Badge tone="amber">warned</Badge>;
  return <Badge tone="green">allowed</Badge>;
}

function CheckList({ ids, tone, label }: { ids: readonly string[]; tone: "red" | "amber" | "slate"; label: string }) {
  if (!ids.length) return null;
  const shown = ids.slice(0, SHOWN_WARNINGS);
  const colors = {
    red: "bg-red-50 text-red-800 ring-red-200",
    amber: "bg-amber-50 text-amber-900 ring-amber-200",
    slate: "bg-slate-50 text-slate-500 ring-slate-200",
  }[tone];
  return (
    <div className="flex gap-2">
      <span className="w-20 shrink-0 pt-0.5 text-xs text-slate-500">{label}</span>
      <div className="flex flex-wrap items-center gap-1">
        {shown.map((id) => (
          <code key={id} className={`rounded px-1.5 py-0.5 font-mono text-xs ring-1 ring-inset ${colors}`}>
            {id}
          </code>
        ))}
        {ids.length > shown.length ? (
          <span className="text-xs text-slate-500" title={ids.slice(SHOWN_WARNINGS).join(", ")}>
            +{ids.length - shown.length} more
          </span>
        ) : null}
      </div>
    </div>
  );
}

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):(.+)$/;

/** A service account as its name and namespace (GitOps controllers apply most objects), a person as is. */
function Requester({ username }: { username: string }) {
  if (!username) return <span className="text-slate-400">–</span>;
  const sa = SERVICE_ACCOUNT.exec(username);
  if (!sa) return <span className="break-words">{username}</span>;
  return (
    <span title={username}>
      <span className="block break-words text-slate-700">{sa[2]}</span>
      <span className="text-slate-500">service account · {sa[1]}</span>
    </span>
  );
}

/** The recorded admission reviews, newest first. */
export function DecisionsTable({ rows, now }: { rows: readonly TDecisionRow[]; now: Date }) {
  return (
    <Table>
      <caption className="sr-only">Admission decisions, newest first</caption>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Object</Th>
          <Th>Requested by</Th>
          <Th>Outcome</Th>
          <Th>Checks</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((d) => (
          <tr key={d.id} className="align-top">
            <Td className="whitespace-nowrap">
              <span className="text-slate-900" title={formatDateTime(d.createdAt)}>
                {formatLastUsed(d.createdAt, now)}
              </span>
              <div className="text-xs text-slate-500">{d.clusterSlug}</div>
            </Td>
            <Td className="min-w-56 max-w-xs">
              <div className="break-words font-medium text-slate-900">
                {d.namespace ? <span className="font-normal text-slate-500">{d.namespace}/</span> : null}
                <wbr />
                {d.name || "(unnamed)"}
              </div>
              <div className="text-xs text-slate-500">
                {d.kind} · {d.operation.toLowerCase()}
                {d.teamName ? ` · ${d.teamName}` : " · no team"}
              </div>
            </Td>
            <Td className="min-w-44 max-w-56 text-xs text-slate-600">
              <Requester username={d.username} />
            </Td>
            <Td>
              <OutcomeBadge outcome={d.outcome} passive={d.passive} />
            </Td>
            <Td className="space-y-1">
              <CheckList ids={d.blocking} tone="red" label={d.passive ? "would block" : "blocked by"} />
              <CheckList ids={d.warned} tone="amber" label="warned" />
              <CheckList ids={d.exempted} tone="slate" label="exempted" />
              {!d.blocking.length && !d.warned.length && !d.exempted.length ? (
                <span className="text-xs text-slate-400">every check passed</span>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
