import "server-only";
import { DEFAULT_SLA_POLICY, SLA_SEVERITIES } from "./schemas";

// A finding's due date in SQL, for lists, filters, overviews and the breach job alike: the SLA
// clock's start (opened or reopened) plus the time snoozes paused it, plus the due days — a rule's
// own (findings.sla_days), else the stricter of the org's and the owning team's policy for the
// finding's severity (the built-in defaults while the org has saved none). Null: no SLA applies.

const daysFor = (policy: string, f: string, orgDefaults: boolean) =>
  `CASE ${f}.severity ${SLA_SEVERITIES.map((s) => {
    const column = `${policy}.${s}_days`;
    const fallback = DEFAULT_SLA_POLICY[s];
    return `WHEN '${s}' THEN ${orgDefaults && fallback !== null ? `CASE WHEN ${policy}.id IS NULL THEN ${fallback} ELSE ${column} END` : column}`;
  }).join(" ")} END`;

/**
 * A LEFT JOIN LATERAL that adds `<as>.due_at` (timestamptz or null) and `<as>.due_days` for the
 * findings alias `f`. Usage: `FROM findings f ${slaDueJoin("f")} WHERE sla.due_at < now()`.
 */
export function slaDueJoin(f = "f", as = "sla"): string {
  return `LEFT JOIN LATERAL (
    SELECT ${f}.sla_started_at + ${f}.sla_paused + make_interval(days => d.days) AS due_at, d.days AS due_days
      FROM (SELECT COALESCE(${f}.sla_days, LEAST(${daysFor("op", f, true)}, ${daysFor("tp", f, false)})) AS days
              FROM (SELECT 1) one
              LEFT JOIN sla_policies op ON op.org_id = ${f}.org_id AND op.team_id IS NULL
              LEFT JOIN sla_policies tp ON tp.org_id = ${f}.org_id AND tp.team_id = ${f}.owner_team_id) d
     WHERE d.days IS NOT NULL) ${as} ON true`;
}

/**
 * True for a finding past its due date that still needs work: open, not resolved, not snoozed.
 * Needs `slaDueJoin(f, as)` in the FROM; `now` is a SQL expression (a parameter or now()).
 */
export function overdueSql(f = "f", as = "sla", now = "now()"): string {
  return `(${f}.status = 'open' AND ${f}.resolution IS NULL
    AND (${f}.snoozed_until IS NULL OR ${f}.snoozed_until <= ${now}) AND ${as}.due_at < ${now})`;
}
