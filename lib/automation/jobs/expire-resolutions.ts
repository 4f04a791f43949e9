import "server-only";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { DONE_PREFIX, MANUAL } from "../marks";

export const EXPIRE_RESOLUTIONS_JOB = "expire-rule-resolutions";

/** Who the history names for a change nobody made by hand. */
export const BUMPERS_ACTOR_LABEL = "Bumpers";

/**
 * Opens for triage again the org's findings whose resolution expired at or before `now` (a rule's
 * "resolve for N days"), with an `unresolved` event (data {previousResolution, previousReason,
 * expired: true, rule: {id, name, level}}). A rule's resolution is marked spent
 * (`done:<rule id>`), so that rule does not resolve the finding again. Rows a triage action holds
 * right now are skipped and picked up on the next run. Returns the findings opened.
 */
async function expireOrg(orgId: string, now: Date): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `WITH due AS (
         SELECT id FROM findings WHERE org_id = $1::uuid AND resolution_expires_at <= $2 FOR UPDATE SKIP LOCKED
       ), changed AS (
         UPDATE findings f
            SET resolution = NULL, resolution_reason = NULL, resolved_at = NULL, resolved_by_id = NULL,
                resolution_expires_at = NULL, updated_at = now(),
                rule_marks = CASE
                  WHEN old.rule_marks->>'resolution' IS NULL OR old.rule_marks->>'resolution' = $3
                    OR starts_with(old.rule_marks->>'resolution', $4) THEN old.rule_marks
                  ELSE jsonb_set(old.rule_marks, '{resolution}', to_jsonb($4 || (old.rule_marks->>'resolution')))
                END
           FROM findings old
           LEFT JOIN automation_rules r ON r.org_id = old.org_id AND r.id::text = old.rule_marks->>'resolution'
          WHERE old.id = f.id AND f.id IN (SELECT id FROM due)
         RETURNING f.id, f.org_id, old.resolution::text AS previous, old.resolution_reason AS previous_reason,
                   r.id AS rule_id, r.name AS rule_name, r.team_id AS rule_team_id
       ), events AS (
         INSERT INTO finding_events (org_id, finding_id, kind, data)
         SELECT org_id, id, 'unresolved',
                jsonb_strip_nulls(jsonb_build_object(
                  'previousResolution', previous, 'previousReason', previous_reason, 'expired', true,
                  'actorLabel', $5::text,
                  'rule', CASE WHEN rule_id IS NULL THEN NULL ELSE jsonb_build_object(
                    'id', rule_id, 'name', rule_name, 'level', CASE WHEN rule_team_id IS NULL THEN 'org' ELSE 'team' END)
                  END))
           FROM changed WHERE previous IS NOT NULL
         RETURNING finding_id
       )
       SELECT finding_id AS id FROM events ORDER BY finding_id`,
      [orgId, now, MANUAL, DONE_PREFIX, BUMPERS_ACTOR_LABEL],
    );
    const ids = rows.map((r) => r.id);
    // Alert groups follow: a group resolved because all its findings were resolved fires again.
    await alertOnFindingsTriaged(client, orgId, ids);
    return ids.length;
  });
}

/** Every org's expired resolutions, one transaction per org. Returns the findings opened. */
export async function expireResolutions(now: Date = new Date()): Promise<number> {
  const { rows } = await pool.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM findings WHERE resolution_expires_at <= $1`,
    [now],
  );
  let opened = 0;
  for (const { org_id } of rows) opened += await expireOrg(org_id, now);
  return opened;
}
