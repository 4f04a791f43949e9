import "server-only";
import type pg from "pg";
import { CHANGES } from "./write-changes";
import type { TChange, TChangeField, TChangeSample } from "./types";

// The run's outcome as callers and the preview read it, from automation_changes (before a dry
// run rolls everything back).

export type TChangeSummary = {
  changedIds: string[];
  changes: { field: TChangeField; count: number }[];
  /** Findings each rule changed (setting a field; undoing a rule's change counts for nobody). */
  changedByRule: Map<string, number>;
  sample: TChangeSample[];
};

export async function readChanges(client: pg.ClientBase, sampleSize: number): Promise<TChangeSummary> {
  const ids = await client.query<{ id: string }>(`SELECT DISTINCT finding_id AS id FROM ${CHANGES} ORDER BY 1`);
  const fields = await client.query<{ field: TChangeField; count: number }>(
    `SELECT field, count(DISTINCT finding_id)::int AS count FROM ${CHANGES} GROUP BY field ORDER BY field`,
  );
  const byRule = await client.query<{ rule_id: string; count: number }>(
    `SELECT rule_id, count(DISTINCT finding_id)::int AS count FROM ${CHANGES}
      WHERE NOT reverted AND rule_id IS NOT NULL GROUP BY rule_id`,
  );
  let sample: TChangeSample[] = [];
  if (sampleSize > 0 && ids.rows.length > 0) {
    const { rows } = await client.query<Omit<TChangeSample, "changes"> & { changes: TChange[] }>(
      `SELECT f.id AS "findingId", f.title, cl.slug AS cluster, f.namespace, f.kind, f.name,
              json_agg(json_build_object('field', x.field, 'from', x.from_text, 'to', x.to_text,
                                         'ruleId', x.rule_id, 'ruleName', x.rule->>'name')
                       ORDER BY x.field, x.kind) AS changes
         FROM findings f
         JOIN clusters cl ON cl.id = f.cluster_id
         JOIN ${CHANGES} x ON x.finding_id = f.id
        WHERE f.id = ANY($1::uuid[])
        GROUP BY f.id, cl.slug
        ORDER BY f.id`,
      [ids.rows.slice(0, sampleSize).map((r) => r.id)],
    );
    sample = rows;
  }
  return {
    changedIds: ids.rows.map((r) => r.id),
    changes: fields.rows,
    changedByRule: new Map(byRule.rows.map((r) => [r.rule_id, r.count])),
    sample,
  };
}
