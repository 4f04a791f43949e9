import "server-only";
import { globMatch } from "@/lib/domain/glob";
import { likeContains, param } from "@/lib/server/sql";
import type { TCondition } from "../schemas";
import { globToLike, rankOf, rankSql } from "./sql-parts";

// A rule's conditions as one SQL boolean over a row that has the findings columns the conditions
// read: the findings table itself (the candidate search) or the run's candidates table (the
// pipeline, which copies those columns once so fifty rules do not join findings fifty times).
// Every user value is a bound parameter; patterns are `*` globs compiled to LIKE.

export type TConditionTarget = {
  /** Alias of the row: columns cluster_id, namespace, kind, name, source, check_id, category,
   * title, image_id, resource_id, vulnerability_id, reopened_count, first_seen_at. */
  row: string;
  /** Severity expressions; a severity condition holds when it holds for any of them. */
  severity: readonly string[];
  /** The owning team expression. */
  team: string;
  /** The evidence's packages (a jsonb array, or anything else for none). */
  packages: string;
};

export type TCompileContext = {
  params: unknown[];
  orgId: string;
  now: Date;
  /** The org's clusters: cluster conditions are globs over slugs, resolved to ids here. */
  clusters: readonly { id: string; slug: string }[];
  /** The clusters of the findings looked at (null: any), to keep label and workload lookups small. */
  inClusters?: readonly string[] | null;
};

/** The ids of the clusters whose slug matches any pattern. */
export function clusterIdsMatching(clusters: TCompileContext["clusters"], patterns: readonly string[]): string[] {
  return clusters.filter((c) => patterns.some((p) => globMatch(p, c.slug))).map((c) => c.id);
}

/** "key" or "key=value" (either side may use `*`) as LIKE patterns for key and value. */
function labelPatterns(values: readonly string[]) {
  const keys: string[] = [];
  const vals: string[] = [];
  for (const v of values) {
    const at = v.indexOf("=");
    keys.push(globToLike(at < 0 ? v : v.slice(0, at)));
    vals.push(at < 0 ? "%" : globToLike(v.slice(at + 1)));
  }
  return { keys, vals };
}

const jsonObject = (expr: string) => `(CASE WHEN jsonb_typeof(${expr}) = 'object' THEN ${expr} ELSE '{}'::jsonb END)`;
const jsonArray = (expr: string) => `(CASE WHEN jsonb_typeof(${expr}) = 'array' THEN ${expr} ELSE '[]'::jsonb END)`;

// Lookups in other tables are uncorrelated `IN (SELECT …)` subqueries: Postgres runs each once
// per statement into a hash table, instead of once per finding, so a rule over 50,000 findings of
// 500 images costs one pass over the images' workloads, not 50,000 index probes.

/** `AND <alias>.org_id = … [AND <alias>.cluster_id = ANY(…)]`: the lookups stay in the run's clusters. */
function inScope(alias: string, ctx: TCompileContext): string {
  const org = `${alias}.org_id = ${param(ctx.params, ctx.orgId, "uuid")}`;
  return ctx.inClusters ? `${org} AND ${alias}.cluster_id = ANY(${param(ctx.params, ctx.inClusters, "uuid[]")})` : org;
}

/**
 * An image finding has no workload of its own: workload and label conditions hold when any
 * workload of the same cluster running the image satisfies `on` (over alias `w`, resources).
 */
function viaWorkloads(r: string, own: string, on: string, ctx: TCompileContext): string {
  return `(CASE WHEN ${r}.image_id IS NULL THEN ${own} ELSE (${r}.cluster_id, ${r}.image_id) IN (
      SELECT iw.cluster_id, iw.image_id FROM image_workloads iw
        JOIN resources w ON w.id = iw.resource_id AND w.removed_at IS NULL
       WHERE ${inScope("iw", ctx)} AND ${on}) END)`;
}

function labelsMatch(labels: string, keys: string, vals: string): string {
  return `EXISTS (SELECT 1 FROM jsonb_each_text(${jsonObject(labels)}) l, unnest(${keys}, ${vals}) p(k, v)
                   WHERE l.key LIKE p.k AND l.value LIKE p.v)`;
}

/** (cluster_id, namespace) of the namespaces whose own resources row (kind Namespace) has matching labels. */
function namespacesWithLabels(keys: string, vals: string, ctx: TCompileContext): string {
  return `SELECT ns.cluster_id, ns.name FROM resources ns
           WHERE ${inScope("ns", ctx)} AND ns.kind = 'Namespace' AND ns.namespace = ns.name
             AND ${labelsMatch("ns.labels", keys, vals)}`;
}

const IMAGE_REF = `split_part(i.name, '@', 1)`;
/** The repository: the reference without its tag (a tag is after the last ':' that follows the last '/'). */
const IMAGE_REPOSITORY = `regexp_replace(${IMAGE_REF}, ':[^:/]*$', '')`;
/** The tag; 'latest' when none is written, none for a digest-only reference. */
const IMAGE_TAG = `(CASE WHEN ${IMAGE_REF} ~ ':[^:/]*$' THEN substring(${IMAGE_REF} from ':([^:/]*)$')
                         WHEN position('@' in i.name) > 0 THEN NULL ELSE 'latest' END)`;

function positive(c: TCondition, t: TConditionTarget, ctx: TCompileContext): string {
  const r = t.row;
  const p = ctx.params;
  switch (c.field) {
    case "cluster":
      return `${r}.cluster_id = ANY(${param(p, clusterIdsMatching(ctx.clusters, c.values), "uuid[]")})`;
    case "namespace":
    case "workload_kind":
    case "workload_name": {
      const column = c.field === "namespace" ? "namespace" : c.field === "workload_kind" ? "kind" : "name";
      const patterns = param(p, c.values.map(globToLike), "text[]");
      return viaWorkloads(r, `${r}.${column} LIKE ANY(${patterns})`, `w.${column} LIKE ANY(${patterns})`, ctx);
    }
    case "resource_label": {
      const { keys, vals } = labelPatterns(c.values);
      const [k, v] = [param(p, keys, "text[]"), param(p, vals, "text[]")];
      return viaWorkloads(
        r,
        `${r}.resource_id IN (SELECT w.id FROM resources w WHERE ${inScope("w", ctx)} AND ${labelsMatch("w.labels", k, v)})`,
        labelsMatch("w.labels", k, v),
        ctx,
      );
    }
    case "namespace_label": {
      const { keys, vals } = labelPatterns(c.values);
      const [k, v] = [param(p, keys, "text[]"), param(p, vals, "text[]")];
      // The namespace's own resources row (kind Namespace, named after itself) carries its labels.
      const namespaces = namespacesWithLabels(k, v, ctx);
      return viaWorkloads(
        r,
        `(${r}.cluster_id, ${r}.namespace) IN (${namespaces})`,
        `(w.cluster_id, w.namespace) IN (${namespaces})`,
        ctx,
      );
    }
    case "source":
      return `${r}.source = ANY(${param(p, c.values, "text[]")})`;
    case "check": {
      const patterns = param(p, c.values.map(globToLike), "text[]");
      return `(${r}.check_id LIKE ANY(${patterns}) OR (${r}.source || '/' || ${r}.check_id) LIKE ANY(${patterns}))`;
    }
    case "category":
      return `${r}.category = ANY(${param(p, c.values, "text[]")})`;
    case "title":
      return `${r}.title ILIKE ANY(${param(p, c.values.map(likeContains), "text[]")})`;
    case "image_repository":
    case "image_tag": {
      const expr = c.field === "image_repository" ? IMAGE_REPOSITORY : IMAGE_TAG;
      return `${r}.image_id IN (SELECT i.id FROM images i WHERE i.org_id = ${param(p, ctx.orgId, "uuid")}
                                   AND ${expr} LIKE ANY(${param(p, c.values.map(globToLike), "text[]")}))`;
    }
    case "cve":
      return `(${r}.vulnerability_id <> '' AND ${r}.vulnerability_id LIKE ANY(${param(p, c.values.map(globToLike), "text[]")}))`;
    case "package":
      return `EXISTS (SELECT 1 FROM jsonb_array_elements(${jsonArray(t.packages)}) e
                       WHERE e->>'name' LIKE ANY(${param(p, c.values.map(globToLike), "text[]")}))`;
    case "fix_available": {
      const has = `EXISTS (SELECT 1 FROM jsonb_array_elements(${jsonArray(t.packages)}) e
                            WHERE coalesce(e->>'fixed', '') <> '')`;
      return c.value ? has : `NOT ${has}`;
    }
    case "team":
      return `${t.team} = ANY(${param(p, c.values, "uuid[]")})`;
    case "lifecycle": {
      const isNew = c.values.includes("new");
      const reopened = c.values.includes("reopened");
      if (isNew && reopened) return "true";
      return isNew ? `${r}.reopened_count = 0` : `${r}.reopened_count > 0`;
    }
    case "severity": {
      const rank = param(p, rankOf(c.value), "int");
      const op = c.op === "at_least" ? ">=" : "<=";
      return `(${t.severity.map((s) => `${rankSql(s)} ${op} ${rank}`).join(" OR ")})`;
    }
    case "age_days": {
      const now = param(p, ctx.now, "timestamptz");
      // Age in whole days: at least N once N days passed; at most N until N + 1 days passed.
      return c.op === "at_least"
        ? `${r}.first_seen_at <= ${now} - make_interval(days => ${param(p, c.value, "int")})`
        : `${r}.first_seen_at > ${now} - make_interval(days => ${param(p, c.value + 1, "int")})`;
    }
  }
}

/** One condition; a NULL along the way counts as "does not hold" (negated: holds). */
export function conditionSql(c: TCondition, t: TConditionTarget, ctx: TCompileContext): string {
  const sql = `coalesce((${positive(c, t, ctx)}), false)`;
  return c.negate ? `NOT ${sql}` : sql;
}

/** All conditions (an empty list holds for every finding). */
export function conditionsSql(conditions: readonly TCondition[], t: TConditionTarget, ctx: TCompileContext): string {
  if (conditions.length === 0) return "true";
  return conditions.map((c) => conditionSql(c, t, ctx)).join("\n AND ");
}

/**
 * Whether a rule can match any finding of a report of this source and cluster (checked in
 * JavaScript, so a rule for other tools or clusters costs nothing on this report).
 */
export function canMatchReport(
  conditions: readonly TCondition[],
  report: { source: string; clusterSlug: string | null },
): boolean {
  for (const c of conditions) {
    if (c.field === "source" && c.values.includes(report.source) === c.negate) return false;
    if (c.field === "cluster" && report.clusterSlug !== null) {
      const hit = c.values.some((v) => globMatch(v, report.clusterSlug!));
      if (hit === c.negate) return false;
    }
  }
  return true;
}
