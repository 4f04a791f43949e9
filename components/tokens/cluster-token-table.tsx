import type { Route } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import type { TClusterTokenRow } from "@/lib/tokens/queries";
import { NoTokens, TokenTable, tokenColumns } from "./token-columns";

/** Read-only: agent tokens are rotated and deleted with their cluster on the Clusters page. */
export function ClusterTokenTable({ tokens, orgSlug }: { tokens: TClusterTokenRow[]; orgSlug: string }) {
  const clustersHref = `/o/${orgSlug}/clusters`;
  if (!tokens.length) {
    return (
      <NoTokens title="No cluster agent tokens">
        Each cluster gets one when it is added.{" "}
        <Link href={clustersHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
          Connect a cluster
        </Link>
      </NoTokens>
    );
  }
  const { hint, created, lastUsed } = tokenColumns<TClusterTokenRow>(new Date());
  return (
    <TokenTable
      tokens={tokens}
      columns={[
        {
          key: "cluster",
          header: "Cluster",
          cell: (t) =>
            t.cluster ? (
              <Link
                href={`${clustersHref}#cluster-${t.cluster.slug}` as Route}
                className="font-medium text-brand-600 hover:text-brand-700"
              >
                {t.cluster.name}
              </Link>
            ) : (
              "—"
            ),
        },
        hint,
        created,
        lastUsed,
        {
          key: "status",
          header: "Status",
          cell: (t) =>
            t.revokedAt ? (
              <Badge tone="neutral">Revoked {formatDate(t.revokedAt)}</Badge>
            ) : (
              <Badge tone="green">Active</Badge>
            ),
        },
      ]}
    />
  );
}
