import "server-only";
import type { PoolClient } from "pg";
import { severityLabel, type TParsedFinding } from "../parsers/types";
import { copyRows } from "./copy-rows";
import { findingFingerprint } from "./fingerprint";
import { ensureResources } from "./resources";

export type TReportContext = {
  orgId: string;
  clusterId: string;
  reportId: string;
  /** The report type: the source of its findings. */
  source: string;
  /** One timestamp for the whole report, so every row and event of it agrees. */
  now: Date;
};

/** A finding ready for the database; image findings carry their image instead of a resource. */
export type TFindingRow = {
  checkId: string;
  category: string;
  score: number;
  title: string;
  description: string;
  remediation: string;
  namespace: string;
  kind: string;
  name: string;
  container: string;
  /** images.id and its key (digest, else name) for image findings. */
  image: { id: string; key: string } | null;
  vulnerabilityId: string;
  evidence: Record<string, unknown>;
};

export type TLifecycleCounts = { findings: number; opened: number; reopened: number; fixed: number; removed: number };

// Objects that are not Kubernetes workloads the scopes could own, or that the workloads inventory
// does not track, get no resources row; their findings are owned through other means (images) or
// by nobody (cluster-wide controls).
const UNLINKED_KINDS = new Set(["Image", "ContainerImage", "Cluster"]);

export function findingRowsFromParsed(findings: readonly TParsedFinding[]): TFindingRow[] {
  return findings.map((f) => ({
    checkId: f.checkId,
    category: f.category,
    score: f.severity,
    title: f.title,
    description: f.description,
    remediation: f.remediation,
    namespace: f.resource.namespace,
    kind: f.resource.kind,
    name: f.resource.name,
    container: f.resource.container,
    image: null,
    vulnerabilityId: "",
    evidence: f.evidence,
  }));
}

const INCOMING_COLUMNS = [
  "fingerprint",
  "check_id",
  "category",
  "severity",
  "score",
  "title",
  "description",
  "remediation",
  "namespace",
  "kind",
  "name",
  "container",
  "image_id",
  "vulnerability_id",
  "evidence",
] as const;

/**
 * Applies one report's findings to the cluster's findings of that source, set-based:
 * COPY into a temp table, one upsert (new → open, back again → reopened), one update for the
 * ones gone (fixed; removed when their object is gone), and an event for every transition.
 * Triage (resolution, snooze, assignee) is never touched here, so it survives new reports.
 */
export async function applyFindings(
  client: PoolClient,
  ctx: TReportContext,
  findings: readonly TFindingRow[],
  options: { presentImageIds?: readonly string[] } = {},
): Promise<TLifecycleCounts> {
  // The same problem reported twice (e.g. at pod and controller level) is one finding: keep the worst.
  const byFingerprint = new Map<string, { row: TFindingRow; fingerprint: string }>();
  for (const row of findings) {
    const fingerprint = findingFingerprint({
      orgId: ctx.orgId,
      clusterId: ctx.clusterId,
      source: ctx.source,
      checkId: row.checkId,
      kind: row.kind,
      namespace: row.namespace,
      name: row.name,
      container: row.container,
      image: row.image?.key ?? "",
      vulnerability: row.vulnerabilityId,
    });
    const seen = byFingerprint.get(fingerprint);
    if (!seen || seen.row.score < row.score) byFingerprint.set(fingerprint, { row, fingerprint });
  }
  const unique = [...byFingerprint.values()];

  const linked = unique.filter(({ row }) => !row.image && !UNLINKED_KINDS.has(row.kind)).map(({ row }) => row);
  await ensureResources(client, ctx.orgId, ctx.clusterId, linked);

  await client.query(
    `CREATE TEMP TABLE incoming_findings (
       fingerprint text PRIMARY KEY, check_id text, category text, severity severity_level, score real,
       title text, description text, remediation text, namespace text, kind text, name text, container text,
       image_id uuid, vulnerability_id text, evidence jsonb
     ) ON COMMIT DROP`,
  );
  await copyRows(
    client,
    "incoming_findings",
    INCOMING_COLUMNS,
    unique.map(({ row, fingerprint }) => [
      fingerprint,
      row.checkId,
      row.category,
      severityLabel(row.score),
      row.score,
      row.title,
      row.description,
      row.remediation,
      row.namespace,
      row.kind,
      row.name,
      row.container,
      row.image?.id ?? null,
      row.vulnerabilityId,
      JSON.stringify(row.evidence),
    ]),
  );
  // Temp tables have no statistics until analyzed; without them the planner guesses badly for big reports.
  await client.query("ANALYZE incoming_findings");

  const params = [ctx.orgId, ctx.clusterId, ctx.reportId, ctx.source, ctx.now];
  // Data-modifying CTEs all see the snapshot from before the statement, so `previous` is the state
  // each finding was in before this report.
  const upserted = await client.query<{ kind: "opened" | "reopened"; count: string }>(
    `WITH previous AS (
       SELECT i.fingerprint, f.status
         FROM incoming_findings i
         JOIN findings f ON f.org_id = $1 AND f.fingerprint = i.fingerprint
     ), upserted AS (
       INSERT INTO findings AS f (
         org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title, description,
         remediation, namespace, kind, name, container, image_id, vulnerability_id, resource_id, owner_team_id,
         evidence, status, first_seen_at, last_seen_at, last_report_id, updated_at)
       SELECT $1, $2, i.fingerprint, $4, i.check_id, i.category, i.severity, i.score, i.title, i.description,
              i.remediation, i.namespace, i.kind, i.name, i.container, i.image_id, i.vulnerability_id, r.id,
              r.owner_team_id, i.evidence, 'open', $5::timestamptz, $5::timestamptz, $3::uuid, $5::timestamptz
         FROM incoming_findings i
         LEFT JOIN resources r
           ON i.image_id IS NULL AND r.org_id = $1 AND r.cluster_id = $2
          AND r.kind = i.kind AND r.namespace = i.namespace AND r.name = i.name
       ON CONFLICT (org_id, fingerprint) DO UPDATE SET
         category = EXCLUDED.category, severity = EXCLUDED.severity, score = EXCLUDED.score,
         title = EXCLUDED.title, description = EXCLUDED.description, remediation = EXCLUDED.remediation,
         evidence = EXCLUDED.evidence, resource_id = EXCLUDED.resource_id,
         owner_team_id = CASE WHEN EXCLUDED.image_id IS NULL THEN EXCLUDED.owner_team_id ELSE f.owner_team_id END,
         image_id = EXCLUDED.image_id, status = 'open', fixed_at = NULL,
         reopened_count = f.reopened_count + (f.status <> 'open')::int,
         last_seen_at = EXCLUDED.last_seen_at, last_report_id = EXCLUDED.last_report_id,
         updated_at = EXCLUDED.updated_at
       RETURNING f.id, f.fingerprint
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
       SELECT $1, u.id, CASE WHEN p.status IS NULL THEN 'opened' ELSE 'reopened' END::finding_event_kind, $3::uuid, $5::timestamptz
         FROM upserted u
         LEFT JOIN previous p ON p.fingerprint = u.fingerprint
        WHERE p.status IS DISTINCT FROM 'open'
       RETURNING kind
     )
     SELECT kind, count(*) FROM events GROUP BY kind`,
    params,
  );

  // Open findings of this cluster and source that the report no longer has. An image that is no
  // longer in the report (nothing runs it) or an object gone from the inventory is "removed";
  // otherwise the problem was fixed.
  const gone = await client.query<{ kind: "fixed" | "removed"; count: string }>(
    `WITH candidates AS (
       SELECT f.id,
              CASE
                WHEN f.image_id IS NOT NULL AND NOT (f.image_id = ANY($6::uuid[])) THEN 'removed'
                WHEN EXISTS (SELECT 1 FROM resources r WHERE r.id = f.resource_id AND r.removed_at IS NOT NULL)
                  THEN 'removed'
                ELSE 'fixed'
              END::finding_status AS next
         FROM findings f
        WHERE f.org_id = $1 AND f.cluster_id = $2 AND f.source = $4 AND f.status = 'open'
          AND f.last_report_id IS DISTINCT FROM $3::uuid
     ), gone AS (
       UPDATE findings f SET status = c.next, fixed_at = CASE WHEN c.next = 'fixed' THEN $5::timestamptz END, updated_at = $5::timestamptz
         FROM candidates c
        WHERE f.id = c.id
       RETURNING f.id, f.status
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
       SELECT $1, id, status::text::finding_event_kind, $3::uuid, $5::timestamptz FROM gone
       RETURNING kind
     )
     SELECT kind, count(*) FROM events GROUP BY kind`,
    [...params, options.presentImageIds ?? []],
  );

  const counts: TLifecycleCounts = { findings: unique.length, opened: 0, reopened: 0, fixed: 0, removed: 0 };
  for (const r of [...upserted.rows, ...gone.rows]) counts[r.kind] = Number(r.count);
  return counts;
}
