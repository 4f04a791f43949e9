import "server-only";
import type pg from "pg";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import { runRules } from "@/lib/automation/engine/run-rules";
import { DONE_PREFIX, MANUAL, manualMarkSql, type TMarkField } from "@/lib/automation/marks";
import { AppError } from "@/lib/server/errors";
import { ticketsOnFindingsTriaged } from "@/lib/tickets/sync/after-triage";
import { assertAssigneeCanRead, loadAssignee } from "./triage-assignee";
import type { TTriageContext } from "./triage-context";
import {
  snoozeUntilProblem,
  ZAssigneeId,
  ZComment,
  ZFindingId,
  ZFindingIds,
  ZResolveInput,
  type TResolveInput,
} from "./triage-schemas";
import { parseInput, withTargets } from "./triage-targets";

// Triage verbs: resolve, snooze, assign (bulk, up to 1000 ids) and comment. Each is one
// transaction: every id is checked first (not visible → 404, not triageable → 403, nothing
// changes), then one UPDATE … RETURNING feeds one INSERT of events, so the statement-level rollup
// triggers run once per action. A finding already in the requested state is left alone and gets
// no event. Resolving and snoozing are exclusive (the latest decision wins) and are allowed on
// fixed and removed findings too: they still apply if the finding comes back.
// Callers pass a TTriageContext (see triage-context.ts): `triageContextOf(access)` for sessions.
// A person's decision is final for automation: each verb marks the fields it decides 'manual'
// (lib/automation/marks.ts), so rules leave them alone, and confirming what a rule set (e.g.
// resolving a finding a rule resolved) counts as a change that takes it over. The rules then run
// over the changed findings in the same transaction, before alerting hears about them.

export type TTriageResult = {
  /** Distinct findings asked for. */
  requested: number;
  /** Those that changed (and got an event); the others were already in that state. */
  changedIds: string[];
};

type TChange = {
  kind: "resolved" | "unresolved" | "snoozed" | "unsnoozed" | "assigned" | "unassigned";
  /** SET items; $1 ids, $2 actor user id, $3 actor label, $4 event kind, $5… `values`. */
  set: string;
  /** True on `old` (the row before) when the action changes something. */
  when: string;
  /** The fields a person decides with it: marked 'manual' for automation. */
  marks: TMarkField[];
  /** Extra RETURNING columns from `old`, for the event's data. */
  returning?: string;
  /** The event's data, over the RETURNING columns of `c`. Nulls are dropped. */
  data: string;
  values?: unknown[];
  /** A resolution and its reason, for the comment on the findings' tickets. */
  told?: { resolution: string; reason: string };
};

/** SQL: `old`'s mark of `field` is a rule id (a rule's change a person now takes over). */
const ruleSet = (field: TMarkField) => {
  const mark = `(old.rule_marks->>'${field}')`;
  return `(${mark} IS NOT NULL AND ${mark} <> '${MANUAL}' AND ${mark} NOT LIKE '${DONE_PREFIX}%')`;
};

async function applyChange(client: pg.ClientBase, ctx: TTriageContext, ids: string[], change: TChange) {
  const [decided, ...alsoDecided] = change.marks;
  const marks = alsoDecided.reduce(
    (sql, field) => `${sql} || jsonb_build_object('${field}', '${MANUAL}')`,
    manualMarkSql(decided!, "f"),
  );
  const when = `(${change.when}) OR ${ruleSet(decided!)}`;
  const { rows } = await client.query<{ id: string }>(
    `WITH changed AS (
       UPDATE findings f SET ${change.set}, rule_marks = ${marks}, updated_at = now()
         FROM findings old
        WHERE old.id = f.id AND f.id = ANY($1::uuid[]) AND (${when})
       RETURNING f.id, f.org_id${change.returning ? `, ${change.returning}` : ""}
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, actor_id, data)
       SELECT c.org_id, c.id, $4::text::finding_event_kind, $2::uuid,
              jsonb_strip_nulls(${change.data}
                || CASE WHEN $2::uuid IS NULL THEN jsonb_build_object('actorLabel', $3::text) ELSE '{}' END)
         FROM changed c
       RETURNING finding_id
     )
     SELECT finding_id AS id FROM events ORDER BY finding_id`,
    [ids, ctx.actor.userId, ctx.actor.label, change.kind, ...(change.values ?? [])],
  );
  return rows.map((r) => r.id);
}

async function triage(
  ctx: TTriageContext,
  rawIds: readonly string[],
  change: TChange,
  before?: (client: pg.ClientBase, ids: string[]) => Promise<void>,
): Promise<TTriageResult> {
  const ids = parseInput(ZFindingIds, rawIds, "ids");
  return withTargets(ctx, ids, { lock: true }, async (client) => {
    await before?.(client, ids);
    const changedIds = await applyChange(client, ctx, ids, change);
    // Automation rules over the changed findings (they leave the fields just decided alone).
    const ruled = await runRules(
      client,
      { orgId: ctx.scope.orgId, trigger: "triage", now: new Date() },
      { kind: "ids", ids: changedIds },
    );
    const touched = [...new Set([...changedIds, ...ruled.changedIds])];
    // A group whose findings are all resolved or snoozed now resolves in PagerDuty (same transaction).
    await alertOnFindingsTriaged(client, ctx.scope.orgId, touched);
    // Their Jira / GitHub tickets hear about resolutions (one comment per ticket, through the outbox).
    await ticketsOnFindingsTriaged(client, ctx.scope.orgId, changedIds, {
      kind: change.kind,
      actor: ctx.actor,
      ...change.told,
    });
    return { requested: ids.length, changedIds };
  });
}

const CLEAR_RESOLUTION = "resolution = NULL, resolution_reason = NULL, resolved_at = NULL, resolved_by_id = NULL";

/** Marks findings will-not-fix or working-as-intended, with a reason; clears a snooze. */
export async function resolveFindings(ctx: TTriageContext, ids: readonly string[], input: TResolveInput) {
  const { resolution, reason } = parseInput(ZResolveInput, input, "reason");
  return triage(ctx, ids, {
    kind: "resolved",
    // Resolving ends a snooze: both are the person's call now.
    marks: ["resolution", "snooze"],
    set: `resolution = $5::text::finding_resolution, resolution_reason = $6, resolved_at = now(),
          resolved_by_id = $2::uuid, snoozed_until = NULL`,
    when: "old.resolution IS DISTINCT FROM $5::text::finding_resolution",
    returning: "old.resolution AS previous_resolution, old.snoozed_until AS previous_until",
    data: `jsonb_build_object('resolution', $5::text, 'reason', $6::text,
             'previousResolution', c.previous_resolution, 'previousUntil', c.previous_until)`,
    values: [resolution, reason],
    told: { resolution, reason },
  });
}

/** Reopens resolved findings for triage. */
export async function unresolveFindings(ctx: TTriageContext, ids: readonly string[]) {
  return triage(ctx, ids, {
    kind: "unresolved",
    marks: ["resolution"],
    set: CLEAR_RESOLUTION,
    when: "old.resolution IS NOT NULL",
    returning: "old.resolution AS previous_resolution, old.resolution_reason AS previous_reason",
    data: "jsonb_build_object('previousResolution', c.previous_resolution, 'previousReason', c.previous_reason)",
  });
}

/**
 * Hides findings until `until` (in the future, at most a year ahead; presets come from
 * `snoozePresetUntil`); the snooze job opens them again then. Clears a resolution.
 */
export async function snoozeFindings(
  ctx: TTriageContext,
  ids: readonly string[],
  input: { until: Date },
  now = new Date(),
) {
  const problem = snoozeUntilProblem(input.until, now);
  if (problem) throw new AppError("bad_request", problem, { field: "until" });
  return triage(ctx, ids, {
    kind: "snoozed",
    // Snoozing ends a resolution: both are the person's call now.
    marks: ["snooze", "resolution"],
    set: `snoozed_until = $5::timestamptz, ${CLEAR_RESOLUTION}`,
    when: "old.snoozed_until IS DISTINCT FROM $5::timestamptz OR old.resolution IS NOT NULL",
    returning: "old.snoozed_until AS previous_until, old.resolution AS previous_resolution",
    data: `jsonb_build_object('until', $5::timestamptz, 'previousUntil', c.previous_until,
             'previousResolution', c.previous_resolution)`,
    values: [input.until],
  });
}

/** Ends snoozes now. */
export async function unsnoozeFindings(ctx: TTriageContext, ids: readonly string[]) {
  return triage(ctx, ids, {
    kind: "unsnoozed",
    marks: ["snooze"],
    set: "snoozed_until = NULL",
    when: "old.snoozed_until IS NOT NULL",
    returning: "old.snoozed_until AS previous_until",
    data: "jsonb_build_object('until', c.previous_until)",
  });
}

/**
 * Assigns findings to an org member who can read all of them (else a 400 on `assignee`), or
 * unassigns them with null.
 */
export async function assignFindings(ctx: TTriageContext, ids: readonly string[], assigneeUserId: string | null) {
  const userId = parseInput(ZAssigneeId, assigneeUserId, "assignee");
  const assignee = userId ? await loadAssignee(ctx.scope.orgId, userId) : null;
  const previous = `old.assignee_id AS previous_assignee_id,
       (SELECT u.name FROM users u WHERE u.id = old.assignee_id) AS previous_assignee_name`;
  const previousData = "'previousAssigneeId', c.previous_assignee_id, 'previousAssigneeName', c.previous_assignee_name";
  if (!assignee) {
    return triage(ctx, ids, {
      kind: "unassigned",
      marks: ["assignee"],
      set: "assignee_id = NULL",
      when: "old.assignee_id IS NOT NULL",
      returning: previous,
      data: `jsonb_build_object(${previousData})`,
    });
  }
  return triage(
    ctx,
    ids,
    {
      kind: "assigned",
      marks: ["assignee"],
      set: "assignee_id = $5::uuid",
      when: "old.assignee_id IS DISTINCT FROM $5::uuid",
      returning: previous,
      data: `jsonb_build_object('assigneeId', $5::uuid, 'assigneeName', $6::text, ${previousData})`,
      values: [assignee.id, assignee.name || assignee.email],
    },
    (client, parsedIds) => assertAssigneeCanRead(client, assignee, parsedIds),
  );
}

export type TComment = { id: string; findingId: string; createdAt: Date };

/** Adds a note to a finding's history (a `commented` event with `data.text`). */
export async function commentOnFinding(ctx: TTriageContext, findingId: string, text: string): Promise<TComment> {
  const id = parseInput(ZFindingId, findingId, "id");
  const comment = parseInput(ZComment, { text }, "text");
  return withTargets(ctx, [id], { lock: false }, async (client, [target]) => {
    const { rows } = await client.query<{ id: string; created_at: Date }>(
      `INSERT INTO finding_events (org_id, finding_id, kind, actor_id, data)
       VALUES ($1, $2, 'commented', $3::uuid,
               jsonb_build_object('text', $4::text)
               || CASE WHEN $3::uuid IS NULL THEN jsonb_build_object('actorLabel', $5::text) ELSE '{}' END)
       RETURNING id, created_at`,
      [target!.orgId, id, ctx.actor.userId, comment.text, ctx.actor.label],
    );
    return { id: rows[0]!.id, findingId: id, createdAt: rows[0]!.created_at };
  });
}
