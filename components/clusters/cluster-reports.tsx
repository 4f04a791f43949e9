import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ActionsTh, Table, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/data-table-cells";
import type { TAgentFailure, TLatestReport, TReportStatus } from "@/lib/ingest/queries";
import type { TInstallationInfo } from "@/lib/clusters/installation";
import { InstallationDetails } from "./installation-details";
import { ReprocessButton } from "./reprocess-button";
import { ReportError } from "./report-error";

export type TClusterReports = {
  id: string;
  slug: string;
  name: string;
  reports: TLatestReport[];
  failures: TAgentFailure[];
  /** Shown to those who manage clusters only: Helm values describe the cluster's setup. */
  installation?: TInstallationInfo | null;
};

const STATUS: Record<TReportStatus, { label: string; tone: TBadgeTone }> = {
  received: { label: "Queued", tone: "blue" },
  processed: { label: "Processed", tone: "green" },
  failed: { label: "Failed", tone: "red" },
};

// Failure messages are job logs of up to 64 KB; the start says what went wrong.
const FAILURE_PREVIEW_LINES = 12;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function firstLines(message: string): string {
  const lines = message.split("\n");
  if (lines.length <= FAILURE_PREVIEW_LINES) return message;
  return `${lines.slice(0, FAILURE_PREVIEW_LINES).join("\n")}\n… ${lines.length - FAILURE_PREVIEW_LINES} more lines`;
}

function ReportStatus({ report, now }: { report: TLatestReport; now: Date }) {
  const { label, tone } = STATUS[report.status];
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={tone}>{label}</Badge>
        {/* The upload's age: a reprocessed report keeps its upload time, there is no separate queue time. */}
        {report.status === "received" ? (
          <span className="text-xs text-slate-500">
            uploaded <TimeAgo at={report.receivedAt} now={now} />
          </span>
        ) : null}
        {report.status !== "received" && report.processedAt ? (
          <span className="text-xs text-slate-500">
            <TimeAgo at={report.processedAt} now={now} />
          </span>
        ) : null}
      </div>
    </div>
  );
}

function ReportsTable({
  reports,
  now,
  cluster,
  orgSlug,
}: {
  reports: TLatestReport[];
  now: Date;
  cluster: string;
  orgSlug: string | null;
}) {
  return (
    <Table className="divide-slate-100">
      <thead>
        <tr>
          <Th>Report</Th>
          <Th className="whitespace-nowrap">Last received</Th>
          <Th>Status</Th>
          <Th className="text-right">Size</Th>
          <Th>Agent</Th>
          <Th className="text-right">Uploads</Th>
          {orgSlug ? <ActionsTh /> : null}
        </tr>
      </thead>
      {/* One body per report: a failed one has a second, full-width row for its error. */}
      {reports.map((r) => (
        <tbody key={r.type}>
          <tr>
            <Td className="font-mono text-xs text-slate-900">{r.type}</Td>
            <Td className="whitespace-nowrap">
              <TimeAgo at={r.receivedAt} now={now} />
            </Td>
            <Td className="w-full">
              <ReportStatus report={r} now={now} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatSize(r.sizeBytes)}</Td>
            <Td className="whitespace-nowrap">
              {r.agentVersion ? (
                <span className="font-mono text-xs">{r.agentVersion}</span>
              ) : (
                <span className="text-slate-500">unknown</span>
              )}
              {r.chartVersion ? <div className="text-xs text-slate-500">chart {r.chartVersion}</div> : null}
            </Td>
            <Td className="text-right tabular-nums">{r.reportCount.toLocaleString("en-US")}</Td>
            {orgSlug ? (
              <Td className="text-right">
                {r.status === "received" ? null : (
                  <ReprocessButton orgSlug={orgSlug} reportId={r.id} label={`${r.type} report of ${cluster}`} />
                )}
              </Td>
            ) : null}
          </tr>
          {r.status === "failed" ? (
            <tr>
              <td colSpan={orgSlug ? 7 : 6} className="px-4 pb-3">
                <ReportError error={r.error} />
              </td>
            </tr>
          ) : null}
        </tbody>
      ))}
    </Table>
  );
}

function FailureList({ failures, now }: { failures: TAgentFailure[]; now: Date }) {
  return (
    <div className="border-t border-slate-100 px-5 py-4">
      <h4 className="text-sm font-semibold text-slate-900">Recent agent failures</h4>
      <ul className="mt-2 space-y-3">
        {failures.map((f) => (
          <li key={f.id}>
            <div className="flex items-center gap-2 text-xs text-slate-500">
              <span className="font-mono text-slate-900">{f.type}</span>
              <TimeAgo at={f.receivedAt} now={now} />
            </div>
            <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
              {firstLines(f.message)}
            </pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What each cluster's agent has sent: the latest upload per report type and its recent failures. */
export function ClusterReports({
  clusters,
  orgSlug,
}: {
  clusters: TClusterReports[];
  /** Set for those who may reprocess reports. */
  orgSlug: string | null;
}) {
  const now = new Date();
  return (
    <Card>
      <CardHeader
        title="Reports"
        description="The latest upload of each report type from every cluster's agent, and the jobs that failed."
      />
      <div className="divide-y divide-slate-200">
        {clusters.map((c) => (
          <section key={c.id} aria-labelledby={`reports-${c.slug}`}>
            <div className="flex items-baseline gap-2 px-5 pb-2 pt-4">
              <h3 id={`reports-${c.slug}`} className="text-sm font-semibold text-slate-900">
                {c.name}
              </h3>
              <span className="font-mono text-xs text-slate-500">{c.slug}</span>
            </div>
            {c.reports.length ? (
              <ReportsTable reports={c.reports} now={now} cluster={c.slug} orgSlug={orgSlug} />
            ) : (
              <p className="px-5 pb-4 text-sm text-slate-500">
                No reports yet — the agent&apos;s first upload appears here.
              </p>
            )}
            {c.failures.length ? <FailureList failures={c.failures} now={now} /> : null}
            {c.installation ? <InstallationDetails installation={c.installation} now={now} /> : null}
          </section>
        ))}
      </div>
    </Card>
  );
}
