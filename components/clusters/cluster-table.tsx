import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatDateTime, formatLastUsed } from "@/components/ui/format";
import type { TClusterSummary } from "@/lib/clusters/queries";
import { DeleteClusterButton } from "./delete-cluster-button";
import { RotateTokenButton } from "./rotate-token-button";

export function ClusterTable({
  clusters,
  orgSlug,
  host,
  canManage,
}: {
  clusters: TClusterSummary[];
  orgSlug: string;
  host: string;
  canManage: boolean;
}) {
  const now = new Date();
  return (
    <Card>
      <CardHeader
        title={`${clusters.length} cluster${clusters.length === 1 ? "" : "s"}`}
        description="Each cluster's agent uploads its reports with the cluster's own token."
      />
      <Table>
        <thead>
          <tr>
            <Th>Cluster</Th>
            <Th>Kubernetes</Th>
            <Th className="text-right">Workloads</Th>
            <Th>Agent token</Th>
            <Th>Token last used</Th>
            <Th>Created</Th>
            {canManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clusters.map((c) => (
            <tr key={c.id} id={`cluster-${c.slug}`} className="scroll-mt-20 target:bg-brand-50">
              <Td>
                <div className="font-medium text-slate-900">{c.name}</div>
                <div className="font-mono text-xs text-slate-500">{c.slug}</div>
              </Td>
              <Td>
                {c.kubernetesVersion ? (
                  <span className="font-mono text-xs">v{c.kubernetesVersion.replace(/^v/, "")}</span>
                ) : (
                  <span className="text-slate-500">waiting for first report</span>
                )}
              </Td>
              <Td className="text-right tabular-nums">
                <div>{c.workloads.toLocaleString("en-US")}</div>
                <div className="text-xs text-slate-500">
                  {c.namespaces.toLocaleString("en-US")} namespace{c.namespaces === 1 ? "" : "s"}
                </div>
              </Td>
              <Td>
                {c.agentToken ? (
                  <code className="font-mono text-xs text-slate-700">{c.agentToken.hint}</code>
                ) : (
                  <Badge tone="red">revoked</Badge>
                )}
              </Td>
              <Td>
                {c.agentToken?.lastUsedAt ? (
                  <time
                    dateTime={c.agentToken.lastUsedAt.toISOString()}
                    title={formatDateTime(c.agentToken.lastUsedAt)}
                  >
                    {formatLastUsed(c.agentToken.lastUsedAt, now)}
                  </time>
                ) : (
                  <span className="text-slate-500">never</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">
                <time dateTime={c.createdAt.toISOString()} title={formatDateTime(c.createdAt)}>
                  {formatDate(c.createdAt)}
                </time>
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
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
