import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatLastUsed } from "@/components/ui/format";
import type { TClusterCompliance, TComplianceCheck } from "@/lib/compliance/queries";

const SHOWN_TARGETS = 4;

/** Where the check failed; each node opens its finding (to triage it there). */
function Targets({ orgSlug, check }: { orgSlug: string; check: TComplianceCheck }) {
  const name = (t: TComplianceCheck["targets"][number]) => (t.kind === "Cluster" ? "the cluster" : t.name);
  const notOpen = check.targets.filter((t) => t.state !== "open");
  return (
    <p className="text-xs text-slate-500" title={check.targets.map(name).join(", ")}>
      On{" "}
      {check.targets.slice(0, SHOWN_TARGETS).map((t, i) => (
        <span key={t.findingId}>
          {i > 0 ? ", " : ""}
          <Link href={`/o/${orgSlug}/findings/${t.findingId}`} className="hover:text-brand-700 hover:underline">
            {name(t)}
          </Link>
        </span>
      ))}
      {check.targets.length > SHOWN_TARGETS ? ` and ${check.targets.length - SHOWN_TARGETS} more` : ""}
      {notOpen.length ? ` · ${notOpen.length} snoozed or resolved` : ""}
    </p>
  );
}

function Check({ orgSlug, check }: { orgSlug: string; check: TComplianceCheck }) {
  return (
    <li className="px-5 py-3">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <span className="w-14 shrink-0 font-mono text-xs text-slate-500">{check.testNumber}</span>
        <div className="min-w-0 flex-1">
          <p className="text-sm text-slate-900">{check.title}</p>
          <Targets orgSlug={orgSlug} check={check} />
        </div>
        <div className="flex shrink-0 gap-1">
          {check.status === "FAIL" ? <Badge tone="red">Failed</Badge> : <Badge tone="amber">Manual review</Badge>}
          {check.scored === false ? <Badge>Not scored</Badge> : null}
        </div>
      </div>
      <details className="mt-1.5 pl-[4.25rem] text-sm">
        <summary className="cursor-pointer text-xs font-medium text-brand-600 hover:text-brand-700">How to fix</summary>
        <p className="mt-2 whitespace-pre-line break-words rounded-md bg-slate-50 p-3 text-xs text-slate-700">
          {check.remediation}
        </p>
        {check.expectedResult ? (
          <p className="mt-1 text-xs text-slate-500">
            Expected: <code className="font-mono">{check.expectedResult}</code>
          </p>
        ) : null}
      </details>
    </li>
  );
}

/** One cluster's failed and warned CIS checks, by benchmark section. */
export function ClusterCompliance({ orgSlug, data }: { orgSlug: string; data: TClusterCompliance }) {
  const facts = [
    data.benchmarkVersions.length ? `CIS Kubernetes Benchmark ${data.benchmarkVersions.join(", ")}` : "",
    data.nodes.length ? `${data.nodes.length} ${data.nodes.length === 1 ? "node" : "nodes"} with findings` : "",
    data.lastReportAt ? `last kube-bench report ${formatLastUsed(data.lastReportAt)}` : "",
  ].filter(Boolean);
  return (
    <Card>
      <CardHeader
        title={data.cluster.name}
        description={facts.join(" · ")}
        actions={
          <>
            <Badge tone={data.failed ? "red" : "green"}>{data.failed} failed</Badge>
            <Badge tone={data.warned ? "amber" : "neutral"}>{data.warned} to review</Badge>
          </>
        }
      />
      {data.sections.length ? (
        data.sections.map((section) => (
          <section key={section.id} aria-label={`Section ${section.id} ${section.name}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 bg-slate-50 px-5 py-2">
              <h3 className="text-sm font-semibold text-slate-900">
                <span className="font-mono text-slate-500">{section.id}</span> {section.name}
                {section.control ? (
                  <span className="ml-2 text-xs font-normal text-slate-500">
                    {section.control.replace(/^\S+\s/, "")}
                  </span>
                ) : null}
              </h3>
              <p className="text-xs text-slate-600">
                <span className={section.failed ? "font-semibold text-red-700" : ""}>{section.failed} failed</span>
                {" · "}
                <span className={section.warned ? "font-semibold text-amber-700" : ""}>{section.warned} to review</span>
              </p>
            </div>
            <ul className="divide-y divide-slate-100 border-b border-slate-100 last:border-b-0">
              {section.checks.map((check) => (
                <Check key={check.testNumber} orgSlug={orgSlug} check={check} />
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p className="px-5 py-4 text-sm text-slate-600">No failed or warned checks in the latest kube-bench report.</p>
      )}
    </Card>
  );
}
