import "server-only";
import { pool } from "@/lib/server/db";
import { keyset, param as add, type TKeyset } from "@/lib/server/sql";
import { rulesIn, type TRuleMarks } from "@/lib/automation/marks";
import { overdueSql, slaDueJoin } from "@/lib/sla/due-sql";
import type { TFindingFilters, TFindingState } from "@/lib/domain/finding-filters";
import type { TViewer } from "./api-scope";
import { buildFindingsWhere, SLA_ALIAS } from "./filter-sql";
import type { TListOptions, TPage } from "./list-types";
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
  /** When its SLA says it must be dealt with (null: no SLA applies), and whether that has passed. */
  due: Date | null;
  overdue: boolean;
  tags: string[];
  /** The tool's own severity while a rule has changed `severity`. */
  reportedSeverity: string | null;
  /** The rules whose changes the finding carries now (rule ids, from rule_marks). */
  changedByRules: string[];
};

export type { TListOptions, TPage } from "./list-types";

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
  due_at: Date | null;
  overdue: boolean;
  tags: string[];
  reported_severity: string | null;
  rule_marks: TRuleMarks | null;
};

const ROW_COLUMNS = `f.id, f.title, f.severity, f.score, f.category, f.source, f.check_id, f.state,
       c.slug AS cluster_slug, c.name AS cluster_name, f.namespace, f.kind, f.name, f.container,
       i.name AS image, f.vulnerability_id, t.slug AS team_slug, t.name AS team_name,
       f.assignee_id, u.name AS assignee_name, f.first_seen_at, f.last_seen_at, f.snoozed_until, f.resolution,
       ${SLA_ALIAS}.due_at, coalesce(${overdueSql("f", SLA_ALIAS)}, false) AS overdue, f.tags, f.reported_severity,
       f.rule_marks`;

// The SLA join is lateral and per row: the page's LIMIT bounds how often it runs unless a due or
// overdue filter reads it in the WHERE.
const ROW_JOINS = `JOIN clusters c ON c.id = f.cluster_id
  LEFT JOIN teams t ON t.id = f.owner_team_id
  LEFT JOIN users u ON u.id = f.assignee_id
  LEFT JOIN images i ON i.id = f.image_id
  ${slaDueJoin("f", SLA_ALIAS)}`;

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
    due: r.due_at,
    overdue: r.overdue,
    tags: r.tags,
    reportedSeverity: r.reported_severity,
    changedByRules: rulesIn(r.rule_marks),
  };
}

/** The SQL of one page of a view (exposed so the benchmark can EXPLAIN exactly what runs). */
export async function findingsPageQuery(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<{ text: string; values: unknown[] }> {
  const { where, params } = await buildFindingsWhere(scope, filters, viewer);
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

// Grouped views (by check, by resource) share the view's WHERE; they live in their own module.
export {
  checkGroupsQuery,
  listCheckGroups,
  listResourceGroups,
  type TCheckGroup,
  type TResourceGroup,
} from "./grouped-queries";
