import "server-only";
import { pool } from "@/lib/server/db";
import { loadEngineContext, type TEngineRule } from "./engine/context";
import { desiredFindingGroups } from "./engine/findings-groups";
import { sqlOf } from "./engine/sql";
import { parseInput } from "./parse-input";
import { ZRuleInput, type TAlertGrouping, type TPdSeverity, type TRuleInput } from "./schemas";

/** One alert group a rule would open now, as the preview lists it. */
export type TPreviewGroup = {
  title: string;
  check: string;
  grouping: TAlertGrouping;
  scope: Record<string, string>;
  affectedResources: number;
  findings: number;
  sample: string[];
  /** Destination names it would page; empty for "no page" or no destination. */
  destinations: string[];
  pdSeverity: TPdSeverity;
  /** Where the findings are in Bumpers. */
  link: string;
};

export type TRulePreview = {
  ruleId: string;
  name: string;
  groups: TPreviewGroup[];
  /** Sum of affected resources over its groups. */
  affectedResources: number;
  /** Findings it would page for (0 for "no page"). */
  pagedGroups: number;
};

export const DRAFT_RULE_ID = "draft";

/**
 * Which current open findings each rule of a list would page for, grouped as the rule groups
 * them. teamId null previews the org baseline over every team; a team previews its own rules
 * over its own findings (the baseline still applies on top, shown separately). A `draft` rule
 * (the form being edited) is previewed in place of `draft.replaceRuleId`, or at the end.
 * Reads only.
 */
export async function previewRules(
  orgId: string,
  teamId: string | null,
  options: { draft?: TRuleInput; replaceRuleId?: string } = {},
): Promise<TRulePreview[]> {
  const sql = sqlOf(pool);
  const ctx = await loadEngineContext(sql, orgId);
  let rules: TEngineRule[] = (teamId ? (ctx.teamRules.get(teamId) ?? []) : ctx.baseline).filter(
    (r) => r.kind === "findings",
  );
  if (options.draft) {
    const parsed = parseInput(ZRuleInput, options.draft);
    const draft: TEngineRule = { ...parsed, id: DRAFT_RULE_ID, teamId };
    const at = options.replaceRuleId ? rules.findIndex((r) => r.id === options.replaceRuleId) : -1;
    rules = at >= 0 ? rules.map((r, i) => (i === at ? draft : r)) : [...rules, draft];
  }
  const names = new Map(rules.map((r) => [r.id, r.name]));
  ctx.baseline = teamId ? [] : rules;
  ctx.teamRules = teamId ? new Map([[teamId, rules]]) : new Map();
  const groups = await desiredFindingGroups(sql, ctx, teamId ? { teamId } : {});
  return rules.map((rule) => {
    const mine = groups
      .filter((g) => g.ruleIds.includes(rule.id))
      .sort((a, b) => b.affectedCount - a.affectedCount)
      .map((g): TPreviewGroup => ({
        title: g.title,
        check: g.subject,
        grouping: g.grouping,
        scope: g.scope,
        affectedResources: g.affectedCount,
        findings: Number(g.facts.customDetails.findings ?? 0),
        sample: (g.facts.customDetails.sample as string[] | undefined) ?? [],
        destinations: g.routes.map((r) => r.destinationName),
        pdSeverity: g.pdSeverity,
        link: g.facts.link,
      }));
    return {
      ruleId: rule.id,
      name: names.get(rule.id) ?? rule.name,
      groups: mine,
      affectedResources: mine.reduce((n, g) => n + g.affectedResources, 0),
      pagedGroups: rule.noPage ? 0 : mine.length,
    };
  });
}
