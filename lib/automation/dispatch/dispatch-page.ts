import "server-only";
import type pg from "pg";
import { applyKeyedGroup } from "@/lib/alerting/engine/evaluate";
import { boundedSample, groupKeyOf, truncate } from "@/lib/alerting/engine/payload";
import type { TDesiredGroup } from "@/lib/alerting/engine/types";
import { clearAlert } from "@/lib/alerting/raise-alert";
import type { TActions } from "../schemas";
import {
  FINDING_COLUMNS,
  FINDING_ORDER,
  plural,
  type TDispatchFinding,
  type TDispatchOutcome,
  type TDispatchRule,
} from "./dispatch-context";

// A rule's "page PagerDuty": one incident per rule and check (a problem), to the action's
// destination at the action's severity, through the alerting outbox. Its findings are those the
// rule's page dispatches named; the incident follows how many of them are still open (an update
// when that changes) and resolves once none is. Rule incidents are alert groups of the kind that
// raiseAlert uses for what is not a findings group ("budget"), keyed `rule:<rule id>:<source>/<check>`,
// so clearAlert resolves them and the findings engine never touches them.

const GROUP_KIND = "budget";
const SAMPLE_SIZE = 10;
const SUBJECT = /^rule:([0-9a-f-]{36}):([^/]+)\/(.+)$/;

export const pageSubjectOf = (ruleId: string, source: string, checkId: string) => `rule:${ruleId}:${source}/${checkId}`;

export function parsePageSubject(subject: string): { ruleId: string; source: string; checkId: string } | null {
  const match = SUBJECT.exec(subject);
  return match ? { ruleId: match[1]!, source: match[2]!, checkId: match[3]! } : null;
}

/** The rule's paged findings of one check that are still open (not resolved, not snoozed): a sample and the count. */
async function activePagedFindings(
  client: pg.ClientBase,
  orgId: string,
  ruleId: string,
  check: { source: string; checkId: string },
  now: Date,
): Promise<{ count: number; sample: TDispatchFinding[] }> {
  const { rows } = await client.query<TDispatchFinding & { total: number }>(
    `SELECT ${FINDING_COLUMNS}, count(*) OVER ()::int AS total
       FROM findings f JOIN clusters c ON c.id = f.cluster_id
      WHERE f.org_id = $1::uuid AND f.source = $4 AND f.check_id = $5
        AND f.status = 'open' AND f.resolution IS NULL AND (f.snoozed_until IS NULL OR f.snoozed_until <= $3::timestamptz)
        AND f.id IN (SELECT unnest(d.finding_ids) FROM automation_dispatches d
                      WHERE d.org_id = $1::uuid AND d.rule_id = $2::uuid AND d.action = 'page')
      ${FINDING_ORDER} LIMIT ${SAMPLE_SIZE}`,
    [orgId, ruleId, now, check.source, check.checkId],
  );
  return { count: rows[0]?.total ?? 0, sample: rows };
}

async function destinationExists(client: pg.ClientBase, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM alert_destinations WHERE id = $1::uuid AND org_id = $2::uuid`,
    [id, orgId],
  );
  return (rowCount ?? 0) > 0;
}

function desiredGroup(
  rule: TDispatchRule,
  page: NonNullable<TActions["page"]>,
  subject: string,
  check: { source: string; checkId: string },
  found: { count: number; sample: TDispatchFinding[] },
  ctx: Parameters<Parameters<typeof applyKeyedGroup>[3]>[0],
): TDesiredGroup | null {
  const destination = ctx.destinations.get(page.destinationId);
  if (!destination) return null;
  const first = found.sample[0]!;
  const summary = `${first.title}: ${plural(found.count, "finding")} matched by rule "${rule.name}"`;
  const lines = found.sample.map((f) => `${f.kind} ${f.namespace}/${f.name} (${f.cluster_slug})`);
  const team = rule.teamId ? ctx.teams.get(rule.teamId) : undefined;
  return {
    kind: GROUP_KIND,
    teamId: rule.teamId,
    groupKey: groupKeyOf({ orgId: rule.orgId, teamId: rule.teamId, kind: GROUP_KIND, subject, scope: "" }),
    grouping: "check",
    subject,
    scope: {},
    title: truncate(summary, 200),
    pdSeverity: page.severity,
    affectedCount: found.count,
    routes: [destination],
    facts: {
      summary,
      source: [...new Set(found.sample.map((f) => f.cluster_slug))].join(", ") || "bumpers",
      component: `${check.source}/${check.checkId}`,
      group: team?.slug ?? "org",
      class: "automation",
      customDetails: {
        rule: rule.name,
        level: rule.teamId ? "team" : "org",
        check: `${check.source}/${check.checkId}`,
        affected: found.count,
        // `sample` is what tells an update apart: a different set of findings → a new trigger, same key.
        sample: boundedSample(lines, found.count),
      },
      link: `${ctx.baseUrl}/o/${ctx.orgSlug}/findings?rule=${rule.id}`,
      linkText: "Open in Bumpers",
    },
    ruleIds: [],
  };
}

/**
 * Brings the rule's incident for one check in line with its findings, in the caller's transaction:
 * raised or updated while some are open, resolved when none is, or the rule (or its page action,
 * or its destination) is gone. Returns whether it is open now.
 */
export async function syncRulePage(
  client: pg.ClientBase,
  orgId: string,
  teamId: string | null,
  ruleId: string,
  rule: TDispatchRule | null,
  check: { source: string; checkId: string },
  now: Date,
): Promise<boolean> {
  const subject = pageSubjectOf(ruleId, check.source, check.checkId);
  const page = rule?.actions?.page;
  const found = page ? await activePagedFindings(client, orgId, ruleId, check, now) : { count: 0, sample: [] };
  if (!rule || !page || !found.count || !(await destinationExists(client, orgId, page.destinationId))) {
    await clearAlert(client, { orgId, teamId, key: subject });
    return false;
  }
  const key = groupKeyOf({ orgId, teamId: rule.teamId, kind: GROUP_KIND, subject, scope: "" });
  await applyKeyedGroup(client, orgId, key, (ctx) => desiredGroup(rule, page, subject, check, found, ctx));
  return true;
}

/** Pages the dispatch's findings: one incident per check, in the caller's transaction. */
export async function dispatchPage(
  client: pg.ClientBase,
  rule: TDispatchRule,
  action: NonNullable<TActions["page"]>,
  findings: readonly TDispatchFinding[],
  now: Date,
): Promise<TDispatchOutcome> {
  if (!(await destinationExists(client, rule.orgId, action.destinationId))) {
    return { error: "The rule's PagerDuty destination was deleted; choose another one." };
  }
  const checks = new Map(findings.map((f) => [`${f.source}/${f.check_id}`, { source: f.source, checkId: f.check_id }]));
  for (const check of checks.values()) {
    await syncRulePage(client, rule.orgId, rule.teamId, rule.id, rule, check, now);
  }
  return { error: null };
}
