import "server-only";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { severityLabel, type TSeverityLevel } from "@/lib/domain/severity";
import { pool } from "@/lib/server/db";
import { keyset, type TKeysetPage } from "@/lib/server/sql";
import { imageRef, type TImageRef } from "./image-ref";
import { ALL_STATES, likePattern, statesOf, visibleTrivyFindings, visibleWorkload } from "./visible-findings";
import { clustersById, workloadsRunning, type TWorkloadRef } from "./workloads";
import type { TPackageVersion } from "./vulnerability-detail";

export type { TImageRef, TWorkloadRef };

export type TListOptions = {
  /** Also count snoozed and resolved findings; by default only open ones count. */
  includeTriaged?: boolean;
  /** Only vulnerabilities with a fixed version of their package. */
  fixAvailable?: boolean;
  /** Images: part of the image name. CVEs: part of the id, title or a package name. */
  q?: string;
  /** CVEs of one image only. */
  imageId?: string;
  limit?: number;
  /** The opaque cursor of a neighbouring page. */
  cursor?: string;
};

export type TVulnerableImage = TImageRef & {
  counts: { critical: number; high: number; medium: number; low: number };
  /** Distinct CVEs with a fixed version available. */
  fixable: number;
  total: number;
  clusters: { slug: string; name: string }[];
  workloads: TWorkloadRef[];
  /** Teams whose workloads run it (among those the caller sees); `unassigned` when a workload has no team. */
  teams: { slug: string; name: string }[];
  unassigned: boolean;
};

export type TVulnerabilityRow = {
  id: string;
  title: string;
  severity: TSeverityLevel;
  score: number;
  images: number;
  workloads: number;
  fixable: boolean;
  packages: TPackageVersion[];
  references: string[];
};

const DEFAULT_LIMIT = 25;
const limitOf = (limit: number | undefined) => Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), 100);

// Worst first: more critical CVEs, then high, medium, low; then by name.
const IMAGE_KEY = keyset<TImageRow>([
  { expr: "p.critical", dir: "desc", cast: "int", of: (r) => r.critical },
  { expr: "p.high", dir: "desc", cast: "int", of: (r) => r.high },
  { expr: "p.medium", dir: "desc", cast: "int", of: (r) => r.medium },
  { expr: "p.low", dir: "desc", cast: "int", of: (r) => r.low },
  { expr: "i.name", dir: "asc", cast: "text", of: (r) => r.name },
  { expr: "i.id", dir: "asc", cast: "uuid", of: (r) => r.id },
]);

type TImageRow = {
  id: string;
  name: string;
  digest: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  fixable: number;
  total: number;
  cluster_ids: string[];
};

/**
 * Images with vulnerabilities the caller sees, worst first, one page at a time. Counts are distinct
 * CVEs (an image in two clusters has each CVE once), over open findings unless `includeTriaged`.
 */
export async function listVulnerableImages(
  scope: TFindingScope,
  options: TListOptions = {},
): Promise<TKeysetPage<TVulnerableImage>> {
  const limit = limitOf(options.limit);
  const cursor = IMAGE_KEY.read(options.cursor, { lenient: true });
  const params: unknown[] = [];
  const visible = visibleTrivyFindings(
    scope,
    { states: statesOf(options.includeTriaged), fixAvailable: options.fixAvailable },
    params,
  );
  const where: string[] = [];
  if (options.q) {
    params.push(likePattern(options.q));
    where.push(`i.name ILIKE $${params.length}`);
  }
  if (cursor) where.push(IMAGE_KEY.where(cursor, params));
  params.push(limit + 1);
  const { rows } = await pool.query<TImageRow>(
    `WITH visible AS (${visible}),
     per_image AS (
       SELECT v.image_id,
              count(DISTINCT v.vulnerability_id) FILTER (WHERE v.severity = 'critical')::int AS critical,
              count(DISTINCT v.vulnerability_id) FILTER (WHERE v.severity = 'high')::int AS high,
              count(DISTINCT v.vulnerability_id) FILTER (WHERE v.severity = 'medium')::int AS medium,
              count(DISTINCT v.vulnerability_id) FILTER (WHERE v.severity = 'low')::int AS low,
              count(DISTINCT v.vulnerability_id) FILTER (WHERE v.fixable)::int AS fixable,
              count(DISTINCT v.vulnerability_id)::int AS total,
              array_agg(DISTINCT v.cluster_id) AS cluster_ids
         FROM visible v GROUP BY v.image_id
     )
     SELECT i.id, i.name, i.digest, p.critical, p.high, p.medium, p.low, p.fixable, p.total, p.cluster_ids
       FROM per_image p JOIN images i ON i.id = p.image_id
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY ${IMAGE_KEY.orderBy(cursor)}
      LIMIT $${params.length}`,
    params,
  );
  const page = IMAGE_KEY.page(rows, limit, cursor);
  const pairs = page.data.flatMap((r) => r.cluster_ids.map((clusterId) => ({ imageId: r.id, clusterId })));
  const [workloads, clusters] = await Promise.all([
    workloadsRunning(scope, pairs),
    clustersById(scope.orgId, [...new Set(pairs.map((p) => p.clusterId))]),
  ]);
  return {
    ...page,
    data: page.data.map((r) => {
      const running = workloads.get(r.id) ?? [];
      const teams = new Map(running.flatMap((w) => (w.team ? [[w.team.slug, w.team] as const] : [])));
      return {
        ...imageRef(r),
        counts: { critical: r.critical, high: r.high, medium: r.medium, low: r.low },
        fixable: r.fixable,
        total: r.total,
        clusters: r.cluster_ids.flatMap((id) => clusters.get(id) ?? []).sort((a, b) => a.slug.localeCompare(b.slug)),
        workloads: running,
        teams: [...teams.values()].sort((a, b) => a.name.localeCompare(b.name)),
        unassigned: running.some((w) => !w.team),
      };
    }),
  };
}

// Worst first: highest score, then the most images affected; then by id.
type TCveRaw = {
  vuln_id: string;
  score: number;
  images: number;
  fixable: boolean;
  title: string | null;
  refs: unknown;
};

const CVE_KEY = keyset<TCveRaw>([
  { expr: "p.score", dir: "desc", cast: "real", of: (r) => r.score },
  { expr: "p.images", dir: "desc", cast: "int", of: (r) => r.images },
  { expr: "p.vuln_id", dir: "asc", cast: "text", of: (r) => r.vuln_id },
]);

/** Vulnerabilities (CVEs) in the images the caller sees, worst first, one page at a time. */
export async function listVulnerabilities(
  scope: TFindingScope,
  options: TListOptions = {},
): Promise<TKeysetPage<TVulnerabilityRow>> {
  const limit = limitOf(options.limit);
  const cursor = CVE_KEY.read(options.cursor, { lenient: true });
  const filter = {
    states: statesOf(options.includeTriaged),
    fixAvailable: options.fixAvailable,
    imageId: options.imageId,
    q: options.q,
  };
  const params: unknown[] = [];
  const visible = visibleTrivyFindings(scope, filter, params);
  const where = cursor ? `WHERE ${CVE_KEY.where(cursor, params)}` : "";
  params.push(scope.orgId);
  const org = `$${params.length}`;
  params.push(limit + 1);
  const { rows } = await pool.query<TCveRaw>(
    `WITH visible AS (${visible}),
     per_cve AS (
       SELECT v.vulnerability_id AS vuln_id, max(v.score) AS score, count(DISTINCT v.image_id)::int AS images,
              bool_or(v.fixable) AS fixable, min(v.id::text)::uuid AS sample
         FROM visible v GROUP BY v.vulnerability_id
     )
     SELECT p.vuln_id, p.score, p.images, p.fixable,
            COALESCE(vc.title, (SELECT title FROM findings WHERE id = p.sample)) AS title, vc."references" AS refs
       FROM per_cve p
       LEFT JOIN vulnerabilities vc ON vc.org_id = ${org} AND vc.vuln_id = p.vuln_id
      ${where}
      ORDER BY ${CVE_KEY.orderBy(cursor)}
      LIMIT $${params.length}`,
    params,
  );
  const page = CVE_KEY.page(rows, limit, cursor);
  const ids = page.data.map((r) => r.vuln_id);
  const details = await cveDetails(scope, { ...filter, q: undefined, vulnerabilityIds: ids });
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.vuln_id,
      title: r.title ?? r.vuln_id,
      severity: severityLabel(r.score),
      score: r.score,
      images: r.images,
      workloads: details.get(r.vuln_id)?.workloads ?? 0,
      fixable: r.fixable,
      packages: details.get(r.vuln_id)?.packages ?? [],
      references: referencesOf(r.refs),
    })),
  };
}

/** Workload counts and package versions of a page of CVEs. */
async function cveDetails(
  scope: TFindingScope,
  filter: Parameters<typeof visibleTrivyFindings>[1],
): Promise<Map<string, { workloads: number; packages: TPackageVersion[] }>> {
  const result = new Map<string, { workloads: number; packages: TPackageVersion[] }>();
  if (!filter.vulnerabilityIds?.length) return result;
  const params: unknown[] = [];
  const visible = visibleTrivyFindings(scope, filter, params);
  const workloadVisible = visibleWorkload(scope, "r", params);
  const { rows } = await pool.query<{ vuln_id: string; workloads: number; packages: TPackageVersion[] }>(
    `WITH visible AS (${visible})
     SELECT ids.vuln_id,
            (SELECT count(DISTINCT r.id)::int
               FROM visible v
               JOIN image_workloads iw ON iw.cluster_id = v.cluster_id AND iw.image_id = v.image_id
               JOIN resources r ON r.id = iw.resource_id
              WHERE v.vulnerability_id = ids.vuln_id AND ${workloadVisible}) AS workloads,
            (SELECT COALESCE(jsonb_agg(DISTINCT jsonb_build_object(
                      'name', COALESCE(pk->>'name', ''), 'installed', COALESCE(pk->>'installed', ''),
                      'fixed', COALESCE(pk->>'fixed', ''))), '[]'::jsonb)
               FROM visible v, jsonb_path_query(v.evidence, '$.packages[*]') pk
              WHERE v.vulnerability_id = ids.vuln_id) AS packages
       FROM (SELECT DISTINCT vulnerability_id AS vuln_id FROM visible) ids`,
    params,
  );
  for (const r of rows) {
    const packages = r.packages.sort((a, b) => a.name.localeCompare(b.name) || a.installed.localeCompare(b.installed));
    result.set(r.vuln_id, { workloads: r.workloads, packages });
  }
  return result;
}

function referencesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && /^https?:\/\//.test(v)) : [];
}

/** The image behind `?image=` when the caller sees a finding of it; null otherwise. */
export async function findVisibleImage(scope: TFindingScope, imageId: string): Promise<TImageRef | null> {
  if (!/^[0-9a-f-]{36}$/i.test(imageId)) return null;
  const params: unknown[] = [];
  const visible = visibleTrivyFindings(scope, { states: ALL_STATES, imageId }, params);
  params.push(imageId);
  const { rows } = await pool.query<{ id: string; name: string; digest: string }>(
    `SELECT i.id, i.name, i.digest FROM images i WHERE i.id = $${params.length}::uuid AND EXISTS (${visible})`,
    params,
  );
  return rows[0] ? imageRef(rows[0]) : null;
}

/** Whether any cluster of the org has sent a Trivy report (to tell "nothing found" from "nothing sent"). */
export async function hasTrivyReport(orgId: string): Promise<boolean> {
  const { rows } = await pool.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM reports WHERE org_id = $1 AND type = 'trivy' AND status = 'processed') AS any`,
    [orgId],
  );
  return rows[0].any;
}

export { getVulnerability, type TPackageVersion, type TVulnerabilityDetail } from "./vulnerability-detail";
