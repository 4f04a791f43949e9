import "server-only";
import { z } from "zod";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { keyset, param as add } from "@/lib/server/sql";

// Reads of the CI tab: each narrowed by the caller's finding scope on the rows' owning team (from
// the repository patterns), so members see their teams' repositories and org admins see all,
// unowned ones included, exactly as in the findings list.

export type TCiTeam = { slug: string; name: string } | null;

/** A repository's branch as its latest scan left it: the scan's results are the branch's open findings. */
export type TCiBranch = {
  repository: string;
  branch: string;
  commit: string;
  scannedAt: Date;
  team: TCiTeam;
  open: number;
  blocking: number;
  /** New and fixed by that scan, compared with the branch's previous one. */
  opened: number;
  fixed: number;
};

/** What a CI finding says and where it points, under the same names in its table and in the API. */
export type TCiFindingColumns<TSeverity extends string = string> = {
  category: string;
  severity: TSeverity;
  title: string;
  namespace: string;
  kind: string;
  name: string;
  file: string;
  line: number | null;
};

export type TCiFinding = TCiFindingColumns & {
  id: string;
  repository: string;
  branch: string;
  commit: string;
  team: TCiTeam;
  checkId: string;
  messages: string[];
  blocking: boolean;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

export type TCiSelection = { repository: string | null; branch: string | null };
export type TCiPage<T> = { data: T[]; nextCursor: string | null };

/** Whether the org ever received a scan: tells "not set up yet" from "nothing you may see". */
export async function hasCiScans(orgId: string): Promise<boolean> {
  const { rows } = await pool.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ci_scans WHERE org_id = $1) AS any`,
    [orgId],
  );
  return rows[0].any;
}

/** The repositories the caller may see a scan of, for the repository filter. */
export async function listCiRepositories(scope: TFindingScope): Promise<string[]> {
  const params: unknown[] = [];
  const { rows } = await pool.query<{ repository: string }>(
    `SELECT DISTINCT s.repository FROM ci_scans s WHERE ${scopeCondition(scope, "s", params)} ORDER BY s.repository`,
    params,
  );
  return rows.map((r) => r.repository);
}

type TBranchRaw = {
  repository: string;
  branch: string;
  commit: string;
  created_at: Date;
  team_slug: string | null;
  team_name: string | null;
  results: number;
  blocking: number;
  opened: number;
  fixed: number;
};

const teamOf = (slug: string | null, name: string | null): TCiTeam => (slug ? { slug, name: name ?? slug } : null);

function toBranch(r: TBranchRaw): TCiBranch {
  return {
    repository: r.repository,
    branch: r.branch,
    commit: r.commit,
    scannedAt: r.created_at,
    team: teamOf(r.team_slug, r.team_name),
    open: r.results,
    blocking: r.blocking,
    opened: r.opened,
    fixed: r.fixed,
  };
}

/**
 * The latest scan of each branch the caller may see, newest first, at most `limit` of them
 * (`truncated` says there were more). `repository` narrows it to one repository.
 */
export async function listCiBranches(
  scope: TFindingScope,
  options: { repository?: string | null; limit: number },
): Promise<{ rows: TCiBranch[]; truncated: boolean }> {
  const params: unknown[] = [];
  const conditions = [scopeCondition(scope, "s", params)];
  if (options.repository) conditions.push(`s.repository = ${add(params, options.repository)}`);
  const limit = add(params, options.limit + 1);
  const { rows } = await pool.query<TBranchRaw>(
    `SELECT l.repository, l.branch, l."commit", l.created_at, t.slug AS team_slug, t.name AS team_name,
            l.results, l.blocking, l.opened, l.fixed
       FROM (SELECT DISTINCT ON (s.repository, s.branch) s.*
               FROM ci_scans s
              WHERE ${conditions.join(" AND ")}
              ORDER BY s.repository, s.branch, s.created_at DESC, s.id DESC) l
       LEFT JOIN teams t ON t.id = l.owner_team_id
      ORDER BY l.created_at DESC, l.repository, l.branch
      LIMIT ${limit}`,
    params,
  );
  const truncated = rows.length > options.limit;
  return { rows: (truncated ? rows.slice(0, options.limit) : rows).map(toBranch), truncated };
}

/** The latest scan of one branch, if the caller may see it. */
export async function latestCiScan(
  scope: TFindingScope,
  repository: string,
  branch: string,
): Promise<TCiBranch | null> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "s", params);
  const { rows } = await pool.query<TBranchRaw>(
    `SELECT s.repository, s.branch, s."commit", s.created_at, t.slug AS team_slug, t.name AS team_name,
            s.results, s.blocking, s.opened, s.fixed
       FROM ci_scans s LEFT JOIN teams t ON t.id = s.owner_team_id
      WHERE ${where} AND s.repository = ${add(params, repository)} AND s.branch = ${add(params, branch)}
      ORDER BY s.created_at DESC, s.id DESC
      LIMIT 1`,
    params,
  );
  return rows[0] ? toBranch(rows[0]) : null;
}

type TFindingRaw = TCiFindingColumns & {
  id: string;
  repository: string;
  branch: string;
  commit: string;
  team_slug: string | null;
  team_name: string | null;
  check_id: string;
  messages: unknown;
  blocking: boolean;
  first_seen_at: Date;
  last_seen_at: Date;
};

// Blocking first, then by severity (the enum runs critical → none), then where in the repository:
// every key ascending, so the keyset condition is one row comparison.
const FINDING_KEY = keyset<TFindingRaw>([
  { expr: "NOT f.blocking", dir: "asc", cast: "boolean", of: (r) => !r.blocking },
  {
    expr: "f.severity",
    dir: "asc",
    cast: "severity_level",
    schema: z.enum(["critical", "high", "medium", "low", "none"]),
    of: (r) => r.severity,
  },
  { expr: "f.repository", dir: "asc", cast: "text", of: (r) => r.repository },
  { expr: "f.branch", dir: "asc", cast: "text", of: (r) => r.branch },
  { expr: "f.file", dir: "asc", cast: "text", of: (r) => r.file },
  // line is nullable: coalesced, as the helper requires.
  { expr: "coalesce(f.line, 0)", dir: "asc", cast: "int", of: (r) => r.line ?? 0 },
  { expr: "f.id", dir: "asc", cast: "uuid", of: (r) => r.id },
]);

function toFinding(r: TFindingRaw): TCiFinding {
  return {
    id: r.id,
    repository: r.repository,
    branch: r.branch,
    commit: r.commit,
    team: teamOf(r.team_slug, r.team_name),
    checkId: r.check_id,
    category: r.category,
    severity: r.severity,
    title: r.title,
    namespace: r.namespace,
    kind: r.kind,
    name: r.name,
    file: r.file,
    line: r.line,
    messages: Array.isArray(r.messages) ? r.messages.filter((m): m is string => typeof m === "string") : [],
    blocking: r.blocking,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  };
}

/**
 * One page of the open CI findings the caller may see: of one branch, of one repository's
 * branches, or of every repository. Keyset pagination; a tampered cursor is a bad_request.
 */
export async function listCiFindings(
  scope: TFindingScope,
  selection: TCiSelection,
  options: { limit: number; cursor?: string | null },
): Promise<TCiPage<TCiFinding>> {
  const params: unknown[] = [];
  const conditions = [scopeCondition(scope, "f", params), `f.status = 'open'`];
  if (selection.repository) {
    conditions.push(`f.repository = ${add(params, selection.repository)}`);
    if (selection.branch) conditions.push(`f.branch = ${add(params, selection.branch)}`);
  }
  const cursor = FINDING_KEY.read(options.cursor);
  if (cursor) conditions.push(FINDING_KEY.where(cursor, params));
  const limit = add(params, options.limit + 1);
  const { rows } = await pool.query<TFindingRaw>(
    `SELECT f.id, f.repository, f.branch, f."commit", t.slug AS team_slug, t.name AS team_name, f.check_id,
            f.category, f.severity, f.title, f.namespace, f.kind, f.name, f.file, f.line, f.messages, f.blocking,
            f.first_seen_at, f.last_seen_at
       FROM ci_findings f LEFT JOIN teams t ON t.id = f.owner_team_id
      WHERE ${conditions.join(" AND ")}
      ORDER BY ${FINDING_KEY.orderBy(cursor)}
      LIMIT ${limit}`,
    params,
  );
  const page = FINDING_KEY.page(rows, options.limit, cursor);
  return { data: page.data.map(toFinding), nextCursor: page.next };
}
