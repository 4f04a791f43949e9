import "server-only";
import type { PoolClient } from "pg";
import type { TParsedFinding } from "../parsers/types";
import { severityLabel } from "@/lib/domain/severity";
import { copyRows } from "./copy-rows";
import { IMAGE_OWNERS_SQL, ruleGaveTeamSql } from "./finding-owners";
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
  /** When the previous applied report of this cluster and source arrived: where vanished findings were last seen. */
  previousReportAt: Date | null;
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
 * Applies one report's findings to the cluster's findings of that source, set-based: COPY into a
 * temp table, then one statement each for changed (back again → reopened), new (→ open) and gone
 * (→ fixed, or removed when their object is gone) findings, each with an event per transition.
 * Triage (resolution, snooze, assignee) is never touched here, so it survives new reports.
 *
 * An open finding is by definition in the latest applied report of its cluster and source, so its
 * row is not rewritten for every report: `last_seen_at` is the time it (re)appeared while open, and
 * the time of the last report that had it once it is fixed or removed; `last_report_id` is the
 * report that last changed it.
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
  // Temp tables have no statistics until analyzed; the joins only need the key's.
  await client.query("ANALYZE incoming_findings (fingerprint, kind, namespace, name)");

  const params = [ctx.orgId, ctx.clusterId, ctx.reportId, ctx.source, ctx.now];
  const resourceJoin = `LEFT JOIN resources r
           ON i.image_id IS NULL AND r.org_id = $1 AND r.cluster_id = $2
          AND r.kind = i.kind AND r.namespace = i.namespace AND r.name = i.name`;

  // 1. Known findings: written only when their state or content changed, so the usual report (the
  //    same problems as last time) costs reads, not rewrites. `old` is the row before the update.
  const changed = await client.query<{ kind: "reopened"; count: string }>(
    `WITH changed AS (
       UPDATE findings f SET
         category = i.category, score = i.score, title = i.title,
         -- A rule's severity stays (the rules run next re-decide it from the tool's new one).
         severity = CASE WHEN f.reported_severity IS NULL THEN i.severity ELSE f.severity END,
         reported_severity = CASE WHEN f.reported_severity IS NULL THEN NULL ELSE i.severity END,
         description = i.description, remediation = i.remediation, evidence = i.evidence,
         image_id = i.image_id, resource_id = r.id,
         -- A team a rule gave the finding stays (the rules run next re-decide it).
         owner_team_id = CASE WHEN i.image_id IS NULL AND NOT ${ruleGaveTeamSql("old")} THEN r.owner_team_id
                              ELSE f.owner_team_id END,
         status = 'open', fixed_at = NULL,
         reopened_count = f.reopened_count + (old.status <> 'open')::int,
         -- Coming back starts a new SLA clock.
         sla_started_at = CASE WHEN old.status <> 'open' THEN $5::timestamptz ELSE f.sla_started_at END,
         sla_paused = CASE WHEN old.status <> 'open' THEN interval '0' ELSE f.sla_paused END,
         sla_breached_at = CASE WHEN old.status <> 'open' THEN NULL ELSE f.sla_breached_at END,
         last_seen_at = CASE WHEN old.status <> 'open' THEN $5::timestamptz ELSE f.last_seen_at END,
         last_report_id = $3::uuid, updated_at = $5::timestamptz
         FROM incoming_findings i
         JOIN findings old ON old.org_id = $1 AND old.fingerprint = i.fingerprint AND old.source = $4
         ${resourceJoin}
        WHERE f.id = old.id
          AND (old.status <> 'open'
               OR (old.category, old.score, old.title, old.description, old.remediation, old.evidence,
                   old.image_id, old.resource_id)
                  IS DISTINCT FROM (i.category, i.score, i.title, i.description, i.remediation, i.evidence,
                   i.image_id, r.id)
               OR (i.image_id IS NULL AND old.owner_team_id IS DISTINCT FROM r.owner_team_id
                   AND NOT ${ruleGaveTeamSql("old")}))
       RETURNING f.id, old.status AS previous
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
       SELECT $1, id, 'reopened', $3::uuid, $5::timestamptz FROM changed WHERE previous <> 'open'
       RETURNING kind
     )
     SELECT kind, count(*) FROM events GROUP BY kind`,
    params,
  );

  // 2. New findings. The advisory lock held per cluster and source means no one else inserts these
  //    fingerprints meanwhile; ON CONFLICT is only a guard.
  //    An image finding gets its image's owner right away (what refreshFindingOwners would set
  //    next), so a report of new vulnerabilities does not write every new row twice.
  const inserted = await client.query<{ kind: "opened"; count: string }>(
    `WITH image_owners AS (${IMAGE_OWNERS_SQL}), inserted AS (
       INSERT INTO findings (
         org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title, description,
         remediation, namespace, kind, name, container, image_id, vulnerability_id, resource_id, owner_team_id,
         evidence, status, first_seen_at, last_seen_at, last_report_id, updated_at, sla_started_at)
       SELECT $1, $2, i.fingerprint, $4, i.check_id, i.category, i.severity, i.score, i.title, i.description,
              i.remediation, i.namespace, i.kind, i.name, i.container, i.image_id, i.vulnerability_id, r.id,
              CASE WHEN i.image_id IS NULL THEN r.owner_team_id ELSE io.team_id END,
              i.evidence, 'open', $5::timestamptz, $5::timestamptz, $3::uuid, $5::timestamptz, $5::timestamptz
         FROM incoming_findings i
         ${resourceJoin}
         LEFT JOIN image_owners io ON io.cluster_id = $2 AND io.image_id = i.image_id
        WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.org_id = $1 AND f.fingerprint = i.fingerprint)
       ON CONFLICT (org_id, fingerprint) DO NOTHING
       RETURNING id
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
       SELECT $1, id, 'opened', $3::uuid, $5::timestamptz FROM inserted
       RETURNING kind
     )
     SELECT kind, count(*) FROM events GROUP BY kind`,
    params,
  );

  // 3. Open findings of this cluster and source that the report no longer has. An image no longer
  //    in the report (nothing runs it) or an object gone from the inventory is "removed"; otherwise
  //    the problem was fixed. It was last seen in the previous report.
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
          AND NOT EXISTS (SELECT 1 FROM incoming_findings i WHERE i.fingerprint = f.fingerprint)
     ), gone AS (
       UPDATE findings f SET status = c.next, fixed_at = CASE WHEN c.next = 'fixed' THEN $5::timestamptz END,
              last_seen_at = COALESCE($7::timestamptz, f.last_seen_at), last_report_id = $3::uuid,
              updated_at = $5::timestamptz
         FROM candidates c
        WHERE f.id = c.id
       RETURNING f.id, f.status
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
       SELECT $1, id, status::text::finding_event_kind, $3::uuid, $5::timestamptz FROM gone
       RETURNING kind
     )
     SELECT kind, count(*) FROM events GROUP BY kind`,
    [...params, options.presentImageIds ?? [], ctx.previousReportAt],
  );

  const counts: TLifecycleCounts = { findings: unique.length, opened: 0, reopened: 0, fixed: 0, removed: 0 };
  for (const r of [...changed.rows, ...inserted.rows, ...gone.rows]) counts[r.kind] = Number(r.count);
  return counts;
}
