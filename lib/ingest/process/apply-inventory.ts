import "server-only";
import type { PoolClient } from "pg";
import { WORKLOAD_KINDS } from "@/lib/resources/kinds";
import type { TWorkloadsInventory } from "../parsers/workloads";
import type { TReportContext } from "./apply-findings";
import { refreshFindingOwners } from "./finding-owners";
import { assignClusterOwners } from "./resources";

export type TInventoryCounts = {
  nodes: number;
  namespaces: number;
  workloads: number;
  resourcesRemoved: number;
  findingsRemoved: number;
  ownersChanged: number;
};

// The kinds the inventory is the authority on: an object of these kinds missing from a complete
// inventory is gone from the cluster. Objects only findings know about (Helm releases, images)
// are never marked removed by it.
const INVENTORY_KINDS = ["Node", "Namespace", ...WORKLOAD_KINDS];

type TResourceRow = { kind: string; namespace: string; name: string; labels: object; details: object };

function inventoryRows(inventory: TWorkloadsInventory): TResourceRow[] {
  return [
    ...inventory.nodes.map((n) => ({
      kind: "Node",
      namespace: "",
      name: n.name,
      labels: n.labels,
      details: {
        capacity: n.capacity,
        allocatable: n.allocatable,
        kubeletVersion: n.kubeletVersion,
        isControlPlane: n.isControlPlane,
      },
    })),
    // A Namespace row carries its own name as namespace, so "namespace = x" scope rules and
    // per-namespace lists include it.
    ...inventory.namespaces.map((ns) => ({
      kind: "Namespace",
      namespace: ns.name,
      name: ns.name,
      labels: ns.labels,
      details: {},
    })),
    ...inventory.workloads.map((w) => ({
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      // Scope rules match either: the pod template's labels, overridden by the controller's own.
      labels: { ...w.podLabels, ...w.labels },
      details: { replicas: w.replicas, containers: w.containers, podLabels: w.podLabels },
    })),
  ];
}

/**
 * A workloads inventory: what exists in the cluster now. Upserts nodes, namespaces and workloads
 * with their labels, marks what disappeared as removed (and its findings with it), records the
 * cluster's Kubernetes version, and re-derives ownership since labels may have changed.
 */
export async function applyInventory(
  client: PoolClient,
  ctx: TReportContext,
  inventory: TWorkloadsInventory,
): Promise<TInventoryCounts> {
  const unique = new Map<string, TResourceRow>();
  for (const row of inventoryRows(inventory)) unique.set(`${row.kind}\u0000${row.namespace}\u0000${row.name}`, row);
  const rows = [...unique.values()];

  const upserted = await client.query<{ id: string }>(
    `INSERT INTO resources AS r (org_id, cluster_id, kind, namespace, name, labels, details, first_seen_at, last_seen_at)
     SELECT $1, $2, k, ns, n, l::jsonb, d::jsonb, $8, $8
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(k, ns, n, l, d)
     ON CONFLICT (org_id, cluster_id, kind, namespace, name) DO UPDATE SET
       labels = EXCLUDED.labels, details = EXCLUDED.details, last_seen_at = EXCLUDED.last_seen_at, removed_at = NULL
     RETURNING r.id`,
    [
      ctx.orgId,
      ctx.clusterId,
      rows.map((r) => r.kind),
      rows.map((r) => r.namespace),
      rows.map((r) => r.name),
      rows.map((r) => JSON.stringify(r.labels)),
      rows.map((r) => JSON.stringify(r.details)),
      ctx.now,
    ],
  );
  const present = upserted.rows.map((r) => r.id);
  const kinds = [...new Set([...INVENTORY_KINDS, ...inventory.workloads.map((w) => w.kind)])];

  const removed = await client.query<{ id: string }>(
    `UPDATE resources SET removed_at = $3
      WHERE org_id = $1 AND cluster_id = $2 AND removed_at IS NULL
        AND kind = ANY($4::text[]) AND NOT (id = ANY($5::uuid[]))
     RETURNING id`,
    [ctx.orgId, ctx.clusterId, ctx.now, kinds, present],
  );

  // Findings on objects that are gone: removed, with an event, whatever their source.
  const findingsRemoved = await client.query(
    `WITH gone AS (
       UPDATE findings SET status = 'removed', updated_at = $3
        WHERE org_id = $1 AND cluster_id = $2 AND status IN ('open', 'fixed')
          AND resource_id IN (SELECT id FROM resources WHERE org_id = $1 AND cluster_id = $2 AND removed_at IS NOT NULL)
       RETURNING id
     )
     INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
     SELECT $1, id, 'removed', $4, $3 FROM gone`,
    [ctx.orgId, ctx.clusterId, ctx.now, ctx.reportId],
  );

  if (inventory.kubernetesVersion) {
    await client.query(`UPDATE clusters SET kubernetes_version = $3 WHERE id = $2 AND org_id = $1`, [
      ctx.orgId,
      ctx.clusterId,
      inventory.kubernetesVersion,
    ]);
  }

  const owners = await assignClusterOwners(client, ctx.orgId, ctx.clusterId);
  await refreshFindingOwners(client, ctx.orgId, ctx.clusterId);
  return {
    nodes: inventory.nodes.length,
    namespaces: inventory.namespaces.length,
    workloads: inventory.workloads.length,
    resourcesRemoved: removed.rowCount ?? 0,
    findingsRemoved: findingsRemoved.rowCount ?? 0,
    ownersChanged: owners.changed,
  };
}
