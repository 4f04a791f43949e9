import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import type { TFindingDetail } from "@/lib/findings/get-finding";
import { formatAge, formatUntil, type TPackage } from "@/lib/findings/ui-format";
import { RESOLUTION_TEXT, STATE_LABELS, STATE_TONES } from "@/lib/findings/ui-labels";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Missing } from "@/components/ui/data-table-cells";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { RuleNote } from "./finding-automation";

// The parts of a finding's page that only display: where it is, its status and dates, its evidence.

export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="divide-y divide-slate-100 text-sm">{children}</dl>;
}

export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-3 py-2 first:pt-0 last:pb-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-800">{children}</dd>
    </div>
  );
}

const muted = (text: string) => <span className="text-slate-400">{text}</span>;

/** Cluster, namespace, object, container, labels and the owning team (and the rule that gave it). */
export function WhereList({
  orgSlug,
  finding,
  teamHref,
}: {
  orgSlug: string;
  finding: TFindingDetail;
  teamHref: string | null;
}) {
  const labels = Object.entries(finding.labels);
  const isImage = finding.kind === "Image" && finding.image;
  return (
    <DetailList>
      <DetailRow label="Cluster">
        {finding.cluster.name} <span className="font-mono text-xs text-slate-500">{finding.cluster.slug}</span>
      </DetailRow>
      {isImage ? (
        <>
          <DetailRow label="Image">
            <span className="font-mono text-xs break-all">{finding.image!.name}</span>
          </DetailRow>
          {finding.image!.digest ? (
            <DetailRow label="Digest">
              <span className="block truncate font-mono text-xs" title={finding.image!.digest}>
                {finding.image!.digest}
              </span>
            </DetailRow>
          ) : null}
        </>
      ) : (
        <>
          <DetailRow label="Namespace">
            {finding.namespace ? <span className="font-mono text-xs">{finding.namespace}</span> : muted("cluster-wide")}
          </DetailRow>
          <DetailRow label="Kind">{finding.kind || muted("—")}</DetailRow>
          <DetailRow label="Name">
            <span className="font-mono text-xs break-all">{finding.name || "—"}</span>
          </DetailRow>
          {finding.container ? (
            <DetailRow label="Container">
              <span className="font-mono text-xs">{finding.container}</span>
            </DetailRow>
          ) : null}
        </>
      )}
      <DetailRow label="Owning team">
        {finding.team ? (
          teamHref ? (
            <Link href={teamHref as Route} className="text-brand-600 hover:text-brand-700">
              {finding.team.name}
            </Link>
          ) : (
            finding.team.name
          )
        ) : (
          <span className="text-slate-500 italic">Unassigned: no team&apos;s scope matches it</span>
        )}
        {finding.team ? <RuleNote orgSlug={orgSlug} rule={finding.rules.fields.team} className="ml-1.5" /> : null}
      </DetailRow>
      {labels.length ? (
        <DetailRow label="Labels">
          <ul className="flex flex-wrap gap-1">
            {labels.map(([k, v]) => (
              <li
                key={k}
                className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
                title={`${k}=${v}`}
              >
                {k}={v}
              </li>
            ))}
          </ul>
        </DetailRow>
      ) : null}
    </DetailList>
  );
}

/** The finding's state in words, with who (or which rule) decided and why. */
export function StatusList({
  orgSlug,
  finding,
  now,
  viewerId,
}: {
  orgSlug: string;
  finding: TFindingDetail;
  now: Date;
  viewerId: string;
}) {
  const rules = finding.rules.fields;
  return (
    <DetailList>
      <DetailRow label="Status">
        <Badge tone={STATE_TONES[finding.state]}>{STATE_LABELS[finding.state]}</Badge>
        {finding.state === "snoozed" && finding.snoozedUntil ? (
          <span className="ml-2 text-slate-600" title={formatDateTime(finding.snoozedUntil)}>
            opens again {formatUntil(finding.snoozedUntil, now)}
          </span>
        ) : null}
        {finding.state === "snoozed" ? <RuleNote orgSlug={orgSlug} rule={rules.snooze} className="ml-2" /> : null}
        {finding.state === "resolved" && finding.resolution ? (
          <span className="mt-1 block text-slate-600">
            {RESOLUTION_TEXT[finding.resolution] ?? finding.resolution}
            {finding.resolvedBy ? ` · ${finding.resolvedBy.name}` : ""}
            {finding.resolutionExpiresAt ? (
              <span title={formatDateTime(finding.resolutionExpiresAt)}>
                {" "}
                until {formatDate(finding.resolutionExpiresAt)}
              </span>
            ) : null}{" "}
            <RuleNote orgSlug={orgSlug} rule={rules.resolution} />
          </span>
        ) : null}
        {finding.state === "resolved" && finding.resolutionReason ? (
          <span className="mt-1 block rounded bg-slate-50 px-2 py-1 text-slate-700 whitespace-pre-wrap">
            {finding.resolutionReason}
          </span>
        ) : null}
      </DetailRow>
      <DetailRow label="Assignee">
        {finding.assignee ? (
          <>
            {finding.assignee.name || finding.assignee.email}
            {finding.assignee.id === viewerId ? <span className="text-slate-500"> (you)</span> : null}{" "}
            <RuleNote orgSlug={orgSlug} rule={rules.assignee} />
          </>
        ) : (
          muted("Nobody")
        )}
      </DetailRow>
      <DetailRow label="First seen">
        <time title={formatDateTime(finding.firstSeenAt)}>{formatAge(finding.firstSeenAt, now)}</time>
      </DetailRow>
      <DetailRow label="Last seen">
        <time title={formatDateTime(finding.lastSeenAt)}>{formatAge(finding.lastSeenAt, now)}</time>
      </DetailRow>
      {finding.fixedAt && finding.state === "fixed" ? (
        <DetailRow label="Fixed">
          <time title={formatDateTime(finding.fixedAt)}>{formatAge(finding.fixedAt, now)}</time>
        </DetailRow>
      ) : null}
      {finding.reopenedCount > 0 ? (
        <DetailRow label="Came back">
          {finding.reopenedCount === 1 ? "once" : `${finding.reopenedCount} times`} after being fixed
        </DetailRow>
      ) : null}
    </DetailList>
  );
}

export function PackagesTable({ packages }: { packages: TPackage[] }) {
  return (
    <DataTable
      testId="packages-table"
      wrapperClassName="rounded-md border border-slate-200"
      className="[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2"
      rows={packages}
      rowKey={(p, i) => `${p.name}/${p.installed}/${i}`}
      columns={[
        { key: "name", header: "Package", className: "font-medium text-slate-800", cell: (p) => p.name || "—" },
        {
          key: "installed",
          header: "Installed",
          className: "font-mono text-xs text-slate-700",
          cell: (p) => p.installed || "—",
        },
        {
          key: "fixed",
          header: "Fixed in",
          className: "font-mono text-xs",
          cell: (p) => (p.fixed ? <span className="text-emerald-700">{p.fixed}</span> : <Missing>no fix yet</Missing>),
        },
      ]}
    />
  );
}

/** The evidence exactly as the report gave it, folded away: for the curious and for bug reports. */
export function RawEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  return (
    <details className="group rounded-md border border-slate-200">
      <summary className="flex cursor-pointer items-center gap-1.5 px-3 py-2 text-sm font-medium text-slate-700 select-none hover:bg-slate-50">
        <svg viewBox="0 0 16 16" className="size-3.5 text-slate-400 group-open:rotate-90" aria-hidden>
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
        </svg>
        Raw evidence (JSON)
      </summary>
      <pre className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed text-slate-800">
        {JSON.stringify(evidence, null, 2)}
      </pre>
    </details>
  );
}

export function WorkloadsTable({ workloads }: { workloads: TFindingDetail["workloads"] }) {
  return (
    <DataTable
      testId="image-workloads"
      className="[&_td]:px-5 [&_td]:py-2 [&_th]:px-5 [&_th]:py-2"
      rows={workloads}
      rowKey={(w) => `${w.namespace}/${w.kind}/${w.name}/${w.container}`}
      columns={[
        {
          key: "workload",
          header: "Workload",
          cell: (w) => (
            <>
              <span className="text-slate-500">{w.kind}</span>{" "}
              <span className="font-medium text-slate-800">{w.name}</span>
            </>
          ),
        },
        { key: "namespace", header: "Namespace", className: "font-mono text-xs", cell: (w) => w.namespace },
        { key: "container", header: "Container", className: "font-mono text-xs", cell: (w) => w.container },
        {
          key: "team",
          header: "Team",
          cell: (w) => w.team ?? <span className="text-slate-400 italic">Unassigned</span>,
        },
      ]}
    />
  );
}
