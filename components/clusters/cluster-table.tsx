import type { Route } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatDateTime, formatLastUsed } from "@/components/ui/format";
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
const none = <span className="text-slate-400">—</span>;

function When({ at, now }: { at: Date; now: Date }) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at)}>
      {formatLastUsed(at, now)}
    </time>
  );
}

function LastReport({ at, staleAfterHours, now }: { at: Date | null; staleAfterHours: number; now: Date }) {
  const state = reportingState(at, staleAfterHours, now);
  if (!at || state === "waiting") return <Badge>Waiting for first report</Badge>;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <When at={at} now={now} />
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
      <Table className="[&_td]:px-3 [&_th]:px-3">
        <thead>
          <tr>
            <Th>Cluster</Th>
            <Th className="whitespace-nowrap">Last report</Th>
            <Th>Kubernetes</Th>
            <Th className="text-right">Nodes</Th>
            <Th className="text-right">Workloads</Th>
            <Th>Agent</Th>
            <Th className="whitespace-nowrap">Agent token</Th>
            {canManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clusters.map((c) => {
            const chart = c.agent?.chartVersion ?? c.installedChartVersion;
            return (
              <tr key={c.id} id={`cluster-${c.slug}`} className="scroll-mt-20 target:bg-brand-50">
                <Td title={`Added ${formatDate(c.createdAt)}`}>
                  <div className="font-medium text-slate-900">{c.name}</div>
                  <div className="whitespace-nowrap font-mono text-xs text-slate-500">{c.slug}</div>
                </Td>
                <Td className="whitespace-nowrap">
                  <LastReport at={c.agent?.lastReportAt ?? null} staleAfterHours={staleAfterHours} now={now} />
                </Td>
                <Td>
                  {c.kubernetesVersion ? (
                    <span className="font-mono text-xs">v{c.kubernetesVersion.replace(/^v/, "")}</span>
                  ) : (
                    none
                  )}
                </Td>
                <Td className="text-right tabular-nums">
                  {c.agent?.inventoryProcessed ? c.agent.nodes.toLocaleString("en-US") : none}
                </Td>
                <Td className="text-right tabular-nums">
                  <div>{c.workloads.toLocaleString("en-US")}</div>
                  <div className="text-xs text-slate-500">
                    {c.namespaces.toLocaleString("en-US")} namespace{c.namespaces === 1 ? "" : "s"}
                  </div>
                </Td>
                <Td className="whitespace-nowrap">
                  {c.agent?.agentVersion ? <span className="font-mono text-xs">{c.agent.agentVersion}</span> : none}
                  {chart ? <div className="text-xs text-slate-500">chart {chart}</div> : null}
                </Td>
                <Td className="whitespace-nowrap">
                  {c.agentToken ? (
                    <code className="font-mono text-xs text-slate-700">{c.agentToken.hint}</code>
                  ) : (
                    <Badge tone="red">revoked</Badge>
                  )}
                  {c.agentToken ? (
                    <div className="text-xs text-slate-500">
                      {c.agentToken.lastUsedAt ? (
                        <>
                          used <When at={c.agentToken.lastUsedAt} now={now} />
                        </>
                      ) : (
                        "never used"
                      )}
                    </div>
                  ) : null}
                </Td>
                {canManage ? (
                  <Td>
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
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
