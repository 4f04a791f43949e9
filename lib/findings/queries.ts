import "server-only";
import { z } from "zod";
import { pool } from "@/lib/server/db";
import { keyset, param as add, type TKeyset } from "@/lib/server/sql";
import { severityLabel } from "@/lib/domain/severity";
import { effectiveStates, type TFindingFilters, type TFindingState } from "@/lib/domain/finding-filters";
import { narrowedScopeCondition, type TViewer } from "./api-scope";
import { searchIndexPatternFor } from "./search";
import type { TTicketFilter } from "@/lib/domain/finding-filters";
import type { TFindingScope } from "@/lib/auth/visibility-scope";

// Findings lists: one SQL statement per page, keyset pagination (never OFFSET), every query
// narrowed by the caller's scope first. Cursors are opaque base64url JSON of the last row's keys.

/** What every view of one finding shows: what the check found and on which object. */
export type TFindingBasics = {
  id: string;
  title: string;
  severity: string;
  score: number;
  category: string;
  source: string;
  checkId: string;
  state: TFindingState;
  namespace: string;
  kind: string;
  name: string;
  container: string;
};

export type TFindingRow = TFindingBasics & {
  cluster: { slug: string; name: string };
  image: string | null;
  vulnerabilityId: string;
  team: { slug: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  snoozedUntil: Date | null;
  resolution: string | null;
};

export type TPage<T> = { data: T[]; nextCursor: string | null };

/** `me` in the assignee filter needs to know who "me" is. */
type TBuilt = { where: string; params: unknown[] };

/** ILIKE pattern for a literal substring: % and _ in the user's text match themselves. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Equality for one value (index-friendly ordering), ANY for several. */
function inList(params: unknown[], column: string, values: readonly string[], cast = "text"): string {
  return values.length === 1
    ? `${column} = ${add(params, values[0])}::${cast}`
    : `${column} = ANY(${add(params, values)}::${cast}[])`;
}

// A finding's tickets: open ones are still being made or worked on; closed ones were done or
// declined at the provider. Failed creations count as no ticket.
const TICKET_STATES: Record<Exclude<TTicketFilter, "none">, string> = {
  any: "'creating', 'open', 'done', 'wont_do'",
  open: "'creating', 'open'",
  closed: "'done', 'wont_do'",
};

const ticketExists = (states: string) =>
  `EXISTS (SELECT 1 FROM ticket_findings tf JOIN tickets tk ON tk.id = tf.ticket_id
            WHERE tf.finding_id = f.id AND tk.org_id = f.org_id AND tk.state IN (${states}))`;

/** `closed`: every ticket of the finding is closed (one still open means someone works on it). */
function ticketCondition(filter: TTicketFilter): string {
  if (filter === "none") return `NOT ${ticketExists(TICKET_STATES.any)}`;
  if (filter === "closed") return `${ticketExists(TICKET_STATES.closed)} AND NOT ${ticketExists(TICKET_STATES.open)}`;
  return ticketExists(TICKET_STATES[filter]);
}

/**
 * The WHERE clause of a view: scope, then the filters. Team and cluster slugs resolve in SQL, so
 * an unknown slug simply matches nothing.
 */
async function buildWhere(scope: TFindingScope, filters: TFindingFilters, viewer: TViewer): Promise<TBuilt> {
  const params: unknown[] = [];
  // The team filter narrows the scope; it never widens it.
  const conditions = [narrowedScopeCondition(scope, filters.team, "f", params)];
  conditions.push(inList(params, "f.state", effectiveStates(filters), "finding_state"));
  if (filters.cluster.length) {
    conditions.push(
      `f.cluster_id IN (SELECT id FROM clusters WHERE org_id = f.org_id AND slug = ANY(${add(params, filters.cluster)}::text[]))`,
    );
  }
  if (filters.namespace.length) conditions.push(inList(params, "f.namespace", filters.namespace));
  if (filters.severity.length) conditions.push(inList(params, "f.severity", filters.severity, "severity_level"));
  if (filters.category.length) conditions.push(inList(params, "f.category", filters.category));
  if (filters.source.length) conditions.push(inList(params, "f.source", filters.source));
  if (filters.check.length) conditions.push(inList(params, "f.check_id", filters.check));
  if (filters.assignee.length) {
    const ids = filters.assignee
      .map((a) => (a === "me" ? viewer.userId : a))
      .filter((a): a is string => !!a && a !== "none" && z.uuid().safeParse(a).success);
    const parts: string[] = [];
    if (ids.length) parts.push(`f.assignee_id = ANY(${add(params, ids)}::uuid[])`);
    if (filters.assignee.includes("none")) parts.push("f.assignee_id IS NULL");
    conditions.push(parts.length ? `(${parts.join(" OR ")})` : "false");
  }
  if (filters.from) conditions.push(`f.first_seen_at >= ${add(params, filters.from)}::date`);
  if (filters.to) conditions.push(`f.first_seen_at < ${add(params, filters.to)}::date + 1`);
  if (filters.ticket) conditions.push(ticketCondition(filters.ticket));
  if (filters.q) {
    // The trigram index gets the text's rare words; the whole text is then checked through an
    // expression the index does not cover, so the planner cannot fold it back into the index scan.
    const indexed = await searchIndexPatternFor(filters.q);
    const whole = containsPattern(filters.q);
    conditions.push(`(f.title || ' ' || f.name) ILIKE ${add(params, indexed ?? whole)}`);
    if (indexed) conditions.push(`concat_ws(' ', f.title, f.name) ILIKE ${add(params, whole)}`);
  }
  return { where: conditions.join(" AND "), params };
}

// Per sort: the key of the list's order (ties broken by id), from which the shared keyset helper
// builds the ORDER BY, the condition after a cursor and the cursor of a row.
const findingId = { expr: "f.id", dir: "asc", cast: "uuid", of: (r: TRawRow) => r.id } as const;

const SORTS: Record<TFindingFilters["sort"], TKeyset<TRawRow>> = {
  severity: keyset<TRawRow>([{ expr: "f.score", dir: "desc", cast: "real", of: (r) => r.score }, findingId]),
  first_seen: keyset<TRawRow>([
    { expr: "f.first_seen_at", dir: "desc", cast: "timestamptz", of: (r) => r.first_seen_at },
    findingId,
  ]),
  last_seen: keyset<TRawRow>([
    { expr: "f.last_seen_at", dir: "desc", cast: "timestamptz", of: (r) => r.last_seen_at },
    findingId,
  ]),
  resource: keyset<TRawRow>([
    { expr: "c.slug", dir: "asc", cast: "text", of: (r) => r.cluster_slug },
    { expr: "f.namespace", dir: "asc", cast: "text", of: (r) => r.namespace },
    { expr: "f.kind", dir: "asc", cast: "text", of: (r) => r.kind },
    { expr: "f.name", dir: "asc", cast: "text", of: (r) => r.name },
    { expr: "f.check_id", dir: "asc", cast: "text", of: (r) => r.check_id },
    findingId,
  ]),
};

/** A finding's identity and what its check found, as SQL rows name them (camelCased in TFindingBasics). */
export type TRawFindingBasics = {
  id: string;
  title: string;
  severity: string;
  score: number;
  category: string;
  source: string;
  check_id: string;
  state: TFindingState;
};

type TRawRow = TRawFindingBasics & {
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  container: string;
  image: string | null;
  vulnerability_id: string;
  team_slug: string | null;
  team_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  snoozed_until: Date | null;
  resolution: string | null;
};

const ROW_COLUMNS = `f.id, f.title, f.severity, f.score, f.category, f.source, f.check_id, f.state,
       c.slug AS cluster_slug, c.name AS cluster_name, f.namespace, f.kind, f.name, f.container,
       i.name AS image, f.vulnerability_id, t.slug AS team_slug, t.name AS team_name,
       f.assignee_id, u.name AS assignee_name, f.first_seen_at, f.last_seen_at, f.snoozed_until, f.resolution`;

const ROW_JOINS = `JOIN clusters c ON c.id = f.cluster_id
  LEFT JOIN teams t ON t.id = f.owner_team_id
  LEFT JOIN users u ON u.id = f.assignee_id
  LEFT JOIN images i ON i.id = f.image_id`;

function toRow(r: TRawRow): TFindingRow {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity,
    score: r.score,
    category: r.category,
    source: r.source,
    checkId: r.check_id,
    state: r.state,
    cluster: { slug: r.cluster_slug, name: r.cluster_name },
    namespace: r.namespace,
    kind: r.kind,
    name: r.name,
    container: r.container,
    image: r.image,
    vulnerabilityId: r.vulnerability_id,
    team: r.team_slug ? { slug: r.team_slug, name: r.team_name ?? r.team_slug } : null,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "" } : null,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    snoozedUntil: r.snoozed_until,
    resolution: r.resolution,
  };
}

export type TListOptions = { limit: number; cursor?: string | null };

/** The SQL of one page of a view (exposed so the benchmark can EXPLAIN exactly what runs). */
export async function findingsPageQuery(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<{ text: string; values: unknown[] }> {
  const { where, params } = await buildWhere(scope, filters, viewer);
  const sort = SORTS[filters.sort];
  const cursor = sort.read(options.cursor);
  const conditions = [where];
  if (cursor) conditions.push(sort.where(cursor, params));
  const limit = add(params, options.limit + 1);
  return {
    text: `SELECT ${ROW_COLUMNS}
       FROM findings f ${ROW_JOINS}
      WHERE ${conditions.join(" AND ")}
      ORDER BY ${sort.orderBy(cursor)}
      LIMIT ${limit}`,
    values: params,
  };
}

/** One page of findings of a view, in the view's sort order. */
export async function listFindings(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<TPage<TFindingRow>> {
  const { rows } = await pool.query<TRawRow>(await findingsPageQuery(scope, filters, viewer, options));
  const sort = SORTS[filters.sort];
  const page = sort.page(rows, options.limit, sort.read(options.cursor));
  return { data: page.data.map(toRow), nextCursor: page.next };
}

/**
 * Every finding of a view in batches, for CSV export: the caller streams each batch out, so
 * memory stays flat whatever the number of rows.
 */
export async function* eachFinding(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  batchSize = 2000,
): AsyncGenerator<TFindingRow[]> {
  let cursor: string | null = null;
  do {
    const page: TPage<TFindingRow> = await listFindings(scope, filters, viewer, { limit: batchSize, cursor });
    if (page.data.length) yield page.data;
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * The clauses of one page of a grouped view: the view's WHERE, the HAVING that resumes after the
 * cursor (groups are keyed on aggregates, so the keyset condition cannot go in WHERE) and a LIMIT
 * one row past the page, whose presence says there is a next page.
 */
async function groupedClauses<R>(
  key: TKeyset<R>,
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
) {
  const { where, params } = await buildWhere(scope, filters, viewer);
  const cursor = key.read(options.cursor);
  const having = cursor ? `HAVING ${key.where(cursor, params)}` : "";
  const limit = add(params, options.limit + 1);
  return { where, params, cursor, having, limit };
}

/** One problem across resources: "one check on hundreds of workloads" is one row. */
export type TCheckGroup = {
  source: string;
  checkId: string;
  title: string;
  category: string;
  severity: string;
  score: number;
  findings: number;
  resources: number;
  clusters: number;
  firstSeenAt: Date;
};

type TCheckGroupRaw = {
  source: string;
  check_id: string;
  title: string;
  category: string;
  score: number;
  findings: number;
  resources: number;
  clusters: number;
  first_seen_at: Date;
};

// Worst first, then the most widespread, then by source and check (unique per group).
const CHECK_GROUP_KEY = keyset<TCheckGroupRaw>([
  { expr: "max(f.score)", dir: "desc", cast: "real", of: (r) => r.score },
  { expr: "count(*)", dir: "desc", cast: "int", of: (r) => r.findings },
  { expr: "f.source", dir: "asc", cast: "text", of: (r) => r.source },
  { expr: "f.check_id", dir: "asc", cast: "text", of: (r) => r.check_id },
]);

/** The SQL of one page of the by-check grouping (exposed for the benchmark's EXPLAIN). */
export async function checkGroupsQuery(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<{ text: string; values: unknown[] }> {
  const { where, params, cursor, having, limit } = await groupedClauses(
    CHECK_GROUP_KEY,
    scope,
    filters,
    viewer,
    options,
  );
  return {
    text: `SELECT f.source, f.check_id, min(f.title) AS title, min(f.category) AS category, max(f.score) AS score,
            count(*)::int AS findings,
            count(DISTINCT (f.cluster_id, f.namespace, f.kind, f.name))::int AS resources,
            count(DISTINCT f.cluster_id)::int AS clusters, min(f.first_seen_at) AS first_seen_at
       FROM findings f
      WHERE ${where}
      GROUP BY f.source, f.check_id
      ${having}
      ORDER BY ${CHECK_GROUP_KEY.orderBy(cursor)}
      LIMIT ${limit}`,
    values: params,
  };
}

export async function listCheckGroups(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<TPage<TCheckGroup>> {
  const { rows } = await pool.query<TCheckGroupRaw>(await checkGroupsQuery(scope, filters, viewer, options));
  const page = CHECK_GROUP_KEY.page(rows, options.limit, CHECK_GROUP_KEY.read(options.cursor));
  return {
    data: page.data.map((r) => ({
      source: r.source,
      checkId: r.check_id,
      title: r.title,
      category: r.category,
      severity: severityLabel(r.score),
      score: r.score,
      findings: r.findings,
      resources: r.resources,
      clusters: r.clusters,
      firstSeenAt: r.first_seen_at,
    })),
    nextCursor: page.next,
  };
}

/** One Kubernetes object (or image) and the problems on it. */
export type TResourceGroup = {
  cluster: { slug: string; name: string };
  namespace: string;
  kind: string;
  name: string;
  team: { slug: string; name: string } | null;
  severity: string;
  score: number;
  findings: number;
  bySeverity: Record<"critical" | "high" | "medium" | "low" | "none", number>;
};

type TResourceGroupRaw = {
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  team_slug: string | null;
  team_name: string | null;
  score: number;
  findings: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  none: number;
};

// Worst first, then by where the object is (unique per group).
const RESOURCE_GROUP_KEY = keyset<TResourceGroupRaw>([
  { expr: "max(f.score)", dir: "desc", cast: "real", of: (r) => r.score },
  { expr: "c.slug", dir: "asc", cast: "text", of: (r) => r.cluster_slug },
  { expr: "f.namespace", dir: "asc", cast: "text", of: (r) => r.namespace },
  { expr: "f.kind", dir: "asc", cast: "text", of: (r) => r.kind },
  { expr: "f.name", dir: "asc", cast: "text", of: (r) => r.name },
]);

export async function listResourceGroups(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<TPage<TResourceGroup>> {
  const { where, params, cursor, having, limit } = await groupedClauses(
    RESOURCE_GROUP_KEY,
    scope,
    filters,
    viewer,
    options,
  );
  const { rows } = await pool.query<TResourceGroupRaw>(
    `SELECT c.slug AS cluster_slug, min(c.name) AS cluster_name, f.namespace, f.kind, f.name,
            min(t.slug) AS team_slug, min(t.name) AS team_name, max(f.score) AS score, count(*)::int AS findings,
            count(*) FILTER (WHERE f.severity = 'critical')::int AS critical,
            count(*) FILTER (WHERE f.severity = 'high')::int AS high,
            count(*) FILTER (WHERE f.severity = 'medium')::int AS medium,
            count(*) FILTER (WHERE f.severity = 'low')::int AS low,
            count(*) FILTER (WHERE f.severity = 'none')::int AS none
       FROM findings f
       JOIN clusters c ON c.id = f.cluster_id
       LEFT JOIN teams t ON t.id = f.owner_team_id
      WHERE ${where}
      GROUP BY c.slug, f.namespace, f.kind, f.name
      ${having}
      ORDER BY ${RESOURCE_GROUP_KEY.orderBy(cursor)}
      LIMIT ${limit}`,
    params,
  );
  const page = RESOURCE_GROUP_KEY.page(rows, options.limit, cursor);
  return {
    data: page.data.map((r) => ({
      cluster: { slug: r.cluster_slug, name: r.cluster_name },
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      team: r.team_slug ? { slug: r.team_slug, name: r.team_name ?? r.team_slug } : null,
      severity: severityLabel(r.score),
      score: r.score,
      findings: r.findings,
      bySeverity: { critical: r.critical, high: r.high, medium: r.medium, low: r.low, none: r.none },
    })),
    nextCursor: page.next,
  };
}
