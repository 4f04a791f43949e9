import type { Route } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Missing, TimeAgo } from "@/components/ui/data-table-cells";
import { formatDate } from "@/components/ui/format";
import type { TClusterSummary } from "@/lib/clusters/queries";
import { reportingState } from "@/lib/clusters/reporting-state";
import type { TClusterAgentSummary } from "@/lib/ingest/queries";
import { DeleteClusterButton } from "./delete-cluster-button";
import { RotateTokenButton } from "./rotate-token-button";

export type TClusterRow = TClusterSummary & {
  agent: TClusterAgentSummary | null;
  /** From the latest installation report, for agents whose uploads carry no chart header. */
  installedChartVersion: string | null;
};

const hoursLabel = (hours: number) => `${hours} hour${hours === 1 ? "" : "s"}`;

function LastReport({ at, staleAfterHours, now }: { at: Date | null; staleAfterHours: number; now: Date }) {
  const state = reportingState(at, staleAfterHours, now);
  if (!at || state === "waiting") return <Badge>Waiting for first report</Badge>;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <TimeAgo at={at} now={now} />
      {state === "stale" ? (
        <span title={`No report for more than ${hoursLabel(staleAfterHours)}`}>
          <Badge tone="amber">Stale</Badge>
        </span>
      ) : null}
    </div>
  );
}

export function ClusterTable({
  clusters,
  orgSlug,
  host,
  canManage,
  staleAfterHours,
  settingsHref,
}: {
  clusters: TClusterRow[];
  orgSlug: string;
  host: string;
  canManage: boolean;
  staleAfterHours: number;
  /** Where the stale threshold is changed; null for those who cannot. */
  settingsHref: string | null;
}) {
  const now = new Date();
  const stale = clusters.filter(
    (c) => reportingState(c.agent?.lastReportAt ?? null, staleAfterHours, now) === "stale",
  ).length;
  return (
    <Card>
      <CardHeader
        title={`${clusters.length} cluster${clusters.length === 1 ? "" : "s"}`}
        description={
          <>
            A cluster is flagged stale after {hoursLabel(staleAfterHours)} without a report of any type.
            {settingsHref ? (
              <>
                {" "}
                <Link href={settingsHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
                  Change
                </Link>
              </>
            ) : null}
          </>
        }
        actions={stale ? <Badge tone="amber">{stale} stale</Badge> : undefined}
      />
      {/* Tighter cells than other tables: eight columns have to fit beside the sidebar on a laptop. */}
      <DataTable
        className="[&_td]:px-3 [&_th]:px-3"
        rows={clusters}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ id: `cluster-${c.slug}`, className: "scroll-mt-20 target:bg-brand-50" })}
        columns={[
          {
            key: "cluster",
            header: "Cluster",
            cellProps: (c) => ({ title: `Added ${formatDate(c.createdAt)}` }),
            cell: (c) => (
              <>
                <div className="font-medium text-slate-900">{c.name}</div>
                <div className="whitespace-nowrap font-mono text-xs text-slate-500">{c.slug}</div>
              </>
            ),
          },
          {
            key: "last-report",
            header: "Last report",
            headerClassName: "whitespace-nowrap",
            className: "whitespace-nowrap",
            cell: (c) => <LastReport at={c.agent?.lastReportAt ?? null} staleAfterHours={staleAfterHours} now={now} />,
          },
          {
            key: "kubernetes",
            header: "Kubernetes",
            cell: (c) =>
              c.kubernetesVersion ? (
                <span className="font-mono text-xs">v{c.kubernetesVersion.replace(/^v/, "")}</span>
              ) : (
                <Missing />
              ),
          },
          {
            key: "nodes",
            header: "Nodes",
            align: "right",
            cell: (c) => (c.agent?.inventoryProcessed ? c.agent.nodes.toLocaleString("en-US") : <Missing />),
          },
          {
            key: "workloads",
            header: "Workloads",
            align: "right",
            cell: (c) => (
              <>
                <div>{c.workloads.toLocaleString("en-US")}</div>
                <div className="text-xs text-slate-500">
                  {c.namespaces.toLocaleString("en-US")} namespace{c.namespaces === 1 ? "" : "s"}
                </div>
              </>
            ),
          },
          {
            key: "agent",
            header: "Agent",
            className: "whitespace-nowrap",
            cell: (c) => {
              const chart = c.agent?.chartVersion ?? c.installedChartVersion;
              return (
                <>
                  {c.agent?.agentVersion ? (
                    <span className="font-mono text-xs">{c.agent.agentVersion}</span>
                  ) : (
                    <Missing />
                  )}
                  {chart ? <div className="text-xs text-slate-500">chart {chart}</div> : null}
                </>
              );
            },
          },
          {
            key: "token",
            header: "Agent token",
            headerClassName: "whitespace-nowrap",
            className: "whitespace-nowrap",
            cell: (c) =>
              c.agentToken ? (
                <>
                  <code className="font-mono text-xs text-slate-700">{c.agentToken.hint}</code>
                  <div className="text-xs text-slate-500">
                    {c.agentToken.lastUsedAt ? (
                      <>
                        used <TimeAgo at={c.agentToken.lastUsedAt} now={now} />
                      </>
                    ) : (
                      "never used"
                    )}
                  </div>
                </>
              ) : (
                <Badge tone="red">revoked</Badge>
              ),
          },
          canManage && {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            cell: (c) => (
              <div className="flex justify-end gap-1.5">
                <RotateTokenButton
                  orgSlug={orgSlug}
                  host={host}
                  cluster={{ id: c.id, slug: c.slug, tokenHint: c.agentToken?.hint ?? null }}
                />
                <DeleteClusterButton
                  orgSlug={orgSlug}
                  cluster={{ id: c.id, slug: c.slug, name: c.name, workloads: c.workloads }}
                />
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
