import "server-only";
import type pg from "pg";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import type { TCiFindingColumns } from "@/lib/ci/queries";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { afterCursor, groupRows, orgsWithRows, pending, positionAfter, readParams, type TSource } from "./cursor";
import { countFact, messageSeverity, plural, REPEAT_WINDOW_MS, timesText, worstOf } from "./text";

// CI runs (`bumpers check --server` uploads) with blocking failures on a repository's default
// branch: a feature branch that fails is the pull request's business, the default branch failing
// is everyone's. Uploads do not say which branch is the default (the CLI sends the branch name
// only), so "main" and "master" are. Runs of one repository and branch share a group: a team
// pushing fix attempts hears of it once an hour, with the count of blocked runs.

export const DEFAULT_BRANCHES: readonly string[] = ["main", "master"];

/** Blocking findings listed in a message (the rest is counted). */
const SAMPLE = 10;

type TScan = {
  id: string;
  at: Date;
  repository: string;
  branch: string;
  commit: string;
  owner_team_id: string | null;
  blocking: number;
};

type TBlockingFinding = TCiFindingColumns<TSeverityLevel> & { scan_id: string; check_id: string };

/** The blocking findings each scan left (those its upload stamped), worst first. */
async function blockingOf(client: pg.ClientBase, orgId: string, scans: readonly TScan[]) {
  const { rows } = await client.query<TBlockingFinding>(
    `SELECT x.id AS scan_id, f.check_id, f.category, f.severity::text AS severity, f.title, f.namespace, f.kind,
            f.name, f.file, f.line
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, repository text, branch text, "commit" text, at timestamptz)
       CROSS JOIN LATERAL (
         SELECT * FROM ci_findings f
          WHERE f.org_id = $1::uuid AND f.repository = x.repository AND f.branch = x.branch
            AND f."commit" = x."commit" AND f.blocking AND f.last_seen_at = x.at
          ORDER BY f.severity, f.check_id, f.namespace, f.kind, f.name
          LIMIT 50) f`,
    [orgId, JSON.stringify(scans)],
  );
  return groupRows(rows, (r) => r.scan_id);
}

function eventOf(runs: readonly TScan[], findings: readonly TBlockingFinding[]): TSourceEvent {
  const last = runs[runs.length - 1]!;
  const items = findings.length
    ? findings.map((f) => ({
        severity: f.severity,
        category: f.category,
        source: "ci",
        checkId: f.check_id,
        cluster: "",
        namespace: f.namespace,
      }))
    : // Overwritten by a later upload already: the run is still news, matched on what is known.
      [{ severity: "high" as const, category: "", source: "ci", checkId: "", cluster: "", namespace: "" }];
  const worst = worstOf(items.map((i) => i.severity));
  const commit = last.commit.slice(0, 12);
  const sample = findings
    .slice(0, SAMPLE)
    .map(
      (f) =>
        `${f.title}: ${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}` +
        (f.file ? ` (${f.file}${f.line ? `:${f.line}` : ""})` : ""),
    );
  return {
    type: "ci.blocked",
    teamId: last.owner_team_id,
    items,
    groupKey: `ci.blocked:${last.repository}:${last.branch}`,
    count: runs.length,
    windowMs: REPEAT_WINDOW_MS,
    occurredAt: new Date(last.at),
    message: (repeats, where) => ({
      title: `CI blocked ${last.repository} on ${last.branch}`,
      summary:
        `${plural(last.blocking, "blocking failure")} in the manifests of commit ${commit}` +
        (repeats.count > 1 ? `; runs blocked ${timesText(repeats)}.` : "."),
      severity: messageSeverity(worst),
      link: `${where.orgUrl}/findings/ci?${new URLSearchParams({ repository: last.repository, branch: last.branch })}`,
      linkText: "Open the CI findings",
      facts: [
        { label: "Repository", value: last.repository },
        { label: "Branch", value: last.branch },
        { label: "Commit", value: commit },
        { label: "Blocking", value: String(last.blocking) },
        { label: "Blocked runs", value: countFact(repeats) },
        { label: "Team", value: where.team?.name ?? "" },
      ],
      sample,
      moreCount: Math.max(0, last.blocking - sample.length),
    }),
  };
}

export const ciSource: TSource = {
  name: "ci",
  orgs: (clock) =>
    orgsWithRows(
      "ci",
      `SELECT 1 FROM ci_scans s
        WHERE s.org_id = o.id AND ${pending("s.created_at")} AND s.blocking > 0
          AND s.branch = ANY($4::text[])`,
      clock,
      DEFAULT_BRANCHES,
    ),
  async read(client, orgId, from, clock) {
    const { rows } = await client.query<TScan>(
      `SELECT s.id::text AS id, s.created_at AS at, s.repository, s.branch, s."commit", s.owner_team_id, s.blocking
         FROM ci_scans s
        WHERE s.org_id = $1::uuid AND ${afterCursor("s.created_at", "s.id", "uuid")}
          AND s.blocking > 0 AND s.branch = ANY($6::text[])
        ORDER BY s.created_at, s.id
        LIMIT $5`,
      readParams(orgId, from, clock, DEFAULT_BRANCHES),
    );
    const position = positionAfter(rows, clock);
    if (!rows.length) return { events: [], ...position };
    const groups = [...groupRows(rows, (s) => `${s.repository}\u0000${s.branch}`).values()];
    const findings = await blockingOf(
      client,
      orgId,
      groups.map((runs) => runs[runs.length - 1]!),
    );
    const events = groups.map((runs) => eventOf(runs, findings.get(runs[runs.length - 1]!.id) ?? []));
    return { events, ...position };
  },
};
