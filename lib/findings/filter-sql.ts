import "server-only";
import { z } from "zod";
import { MARK_FIELDS } from "@/lib/automation/marks";
import { param as add } from "@/lib/server/sql";
import { overdueSql } from "@/lib/sla/due-sql";
import { effectiveStates, type TFindingFilters, type TTicketFilter } from "@/lib/domain/finding-filters";
import { narrowedScopeCondition, type TViewer } from "./api-scope";
import { searchIndexPatternFor } from "./search";
import type { TFindingScope } from "@/lib/auth/visibility-scope";

// A findings view as SQL: the WHERE clause every list, grouping and export of a view shares, so
// paging, group counts and the CSV always agree with the filters.

/** The alias of slaDueJoin (lib/sla/due-sql.ts) that due and overdue conditions read. */
export const SLA_ALIAS = "sla";

export type TBuiltWhere = {
  where: string;
  params: unknown[];
  /** The conditions read the due date: the statement must join slaDueJoin("f", SLA_ALIAS). */
  usesSla: boolean;
};

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
 * "Changed by rule X": a field of rule_marks (or one of its tags) names one of the rules. Like
 * rulesIn (lib/automation/marks.ts), so every finding listed carries X in `changedByRules`: 'manual'
 * and spent 'done:<id>' marks name no rule. Rule ids are only ever the org's own, so another org's
 * id matches nothing.
 */
function ruleCondition(params: unknown[], ruleIds: readonly string[]): string {
  const ids = add(params, ruleIds);
  const fields = MARK_FIELDS.map((field) => `f.rule_marks->>'${field}' = ANY(${ids}::text[])`);
  const tags = `EXISTS (SELECT 1 FROM jsonb_each_text(CASE WHEN jsonb_typeof(f.rule_marks->'tags') = 'object'
                  THEN f.rule_marks->'tags' END) mt WHERE mt.value = ANY(${ids}::text[]))`;
  return `(f.rule_marks IS NOT NULL AND (${[...fields, tags].join(" OR ")}))`;
}

/**
 * Due on or before the end of `day` (UTC), for findings still in their lifecycle's open state and
 * not resolved (a snooze shifts the due date; it does not take a finding out of "due by").
 */
function dueByCondition(params: unknown[], day: string): string {
  return `(f.status = 'open' AND f.resolution IS NULL
    AND ${SLA_ALIAS}.due_at < ((${add(params, day)}::date + 1)::timestamp AT TIME ZONE 'UTC'))`;
}

/**
 * The WHERE clause of a view: scope, then the filters. Team and cluster slugs resolve in SQL, so
 * an unknown slug simply matches nothing.
 */
export async function buildFindingsWhere(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
): Promise<TBuiltWhere> {
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
  // `&&` (any of the tags) is what the GIN index on tags answers.
  if (filters.tag.length) conditions.push(`f.tags && ${add(params, filters.tag)}::text[]`);
  if (filters.rule.length) conditions.push(ruleCondition(params, filters.rule));
  if (filters.from) conditions.push(`f.first_seen_at >= ${add(params, filters.from)}::date`);
  if (filters.to) conditions.push(`f.first_seen_at < ${add(params, filters.to)}::date + 1`);
  if (filters.ticket) conditions.push(ticketCondition(filters.ticket));
  if (filters.due) conditions.push(dueByCondition(params, filters.due));
  if (filters.overdue) conditions.push(overdueSql("f", SLA_ALIAS));
  if (filters.q) {
    // The trigram index gets the text's rare words; the whole text is then checked through an
    // expression the index does not cover, so the planner cannot fold it back into the index scan.
    const indexed = await searchIndexPatternFor(filters.q);
    const whole = containsPattern(filters.q);
    conditions.push(`(f.title || ' ' || f.name) ILIKE ${add(params, indexed ?? whole)}`);
    if (indexed) conditions.push(`concat_ws(' ', f.title, f.name) ILIKE ${add(params, whole)}`);
  }
  return { where: conditions.join(" AND "), params, usesSla: Boolean(filters.due || filters.overdue) };
}
