import "server-only";
import { randomUUID } from "node:crypto";
import { pool } from "@/lib/server/db";
import type { TAutomationRule } from "../schemas";
import { countFindingsMatchingRule, findingsMatchingRule } from "./candidates";
import { inEngineOrder, isActive, loadActiveRules } from "./load-rules";
import { runRules } from "./run-rules";
import type { TRunResult } from "./types";

// "What would this rule do?" before it is saved: the real engine in a dry run over the findings
// the draft matches (and those its stored version marked), so the preview is what applying does.

export type TPreview = { inScope: number; matched: number; matchesEverything: boolean; capped: boolean; result: TRunResult };

/** Candidates a preview looks at; beyond that it says `capped` and describes the first ones. */
export const PREVIEW_CAP = 50_000;

/** Dry run of the org's active rules with `draft` inserted (new id) or replacing the stored rule of
 * the same id, over the findings the draft matches (and those carrying the stored rule's marks).
 * Nothing is written. `capped`: more than PREVIEW_CAP candidates, the breakdown covers the first PREVIEW_CAP. */
export async function previewRule(
  orgId: string,
  draft: TAutomationRule,
  options: { now?: Date; sampleSize?: number } = {},
): Promise<TPreview> {
  const now = options.now ?? new Date();
  const rule: TAutomationRule = { ...draft, orgId, id: draft.id || randomUUID() };
  const client = await pool.connect();
  try {
    // Read-only in effect: the dry run writes inside a savepoint it rolls back, and so does this.
    await client.query("BEGIN");
    const stored = await loadActiveRules(client, orgId, now);
    const others = stored.filter((r) => r.id !== rule.id);
    const rules = inEngineOrder(isActive(rule, now) ? [...others, rule] : others);
    const ids = await findingsMatchingRule(client, orgId, rule, { afterId: null, limit: PREVIEW_CAP + 1, now });
    const capped = ids.length > PREVIEW_CAP;
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings
        WHERE org_id = $1::uuid AND status = 'open' AND ($2::uuid IS NULL OR owner_team_id = $2::uuid)`,
      [orgId, rule.teamId],
    );
    const inScope = rows[0]?.n ?? 0;
    const result = await runRules(
      client,
      { orgId, trigger: "apply", now },
      { kind: "ids", ids: ids.slice(0, PREVIEW_CAP) },
      { rules, dryRun: true, sampleSize: options.sampleSize ?? 10 },
    );
    // Beyond the cap the run saw only part of them: count the rest without evaluating them.
    const matched = capped
      ? await countFindingsMatchingRule(client, orgId, rule, now)
      : (result.rules.find((r) => r.ruleId === rule.id)?.matched ?? 0);
    return {
      inScope,
      matched,
      matchesEverything: rule.conditions.length === 0 || (inScope > 0 && matched >= inScope),
      capped,
      result,
    };
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}
