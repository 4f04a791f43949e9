import type { Route } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { TClusterTokenRow } from "@/lib/tokens/queries";
import { formatDate, formatDateTime, formatLastUsed } from "@/components/ui/format";

/** Read-only: agent tokens are rotated and deleted with their cluster on the Clusters page. */
export function ClusterTokenTable({ tokens, orgSlug }: { tokens: TClusterTokenRow[]; orgSlug: string }) {
  const clustersHref = `/o/${orgSlug}/clusters`;
  if (!tokens.length) {
    return (
      <div className="px-5 pb-5">
        <EmptyState title="No cluster agent tokens">
          Each cluster gets one when it is added.{" "}
          <Link href={clustersHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
            Connect a cluster
          </Link>
        </EmptyState>
      </div>
    );
  }
  const now = new Date();
  return (
    <Table>
      <thead>
        <tr>
          <Th>Cluster</Th>
          <Th>Token</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((t) => (
          <tr key={t.id} className={t.revokedAt ? "text-slate-400" : undefined}>
            <Td>
              {t.cluster ? (
                <Link
                  href={`${clustersHref}#cluster-${t.cluster.slug}` as Route}
                  className="font-medium text-brand-600 hover:text-brand-700"
                >
                  {t.cluster.name}
                </Link>
              ) : (
                "—"
              )}
            </Td>
            <Td>
              <code className="font-mono text-xs">{t.hint}</code>
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={t.createdAt.toISOString()} title={formatDateTime(t.createdAt)}>
                {formatDate(t.createdAt)}
              </time>
            </Td>
            <Td className="whitespace-nowrap">
              {t.lastUsedAt ? (
                <time dateTime={t.lastUsedAt.toISOString()} title={formatDateTime(t.lastUsedAt)}>
                  {formatLastUsed(t.lastUsedAt, now)}
                </time>
              ) : (
                <span className="text-slate-500">never</span>
              )}
            </Td>
            <Td>
              {t.revokedAt ? (
                <Badge tone="neutral">Revoked {formatDate(t.revokedAt)}</Badge>
              ) : (
                <Badge tone="green">Active</Badge>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
