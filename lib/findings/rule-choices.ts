import "server-only";
import { pool } from "@/lib/server/db";
import type { TFindingScope } from "@/lib/auth/visibility-scope";

// What the findings list's Rule and Tag menus offer: the org's rules and the rules of the teams
// the viewer sees (never another team's own rules), and the tags those rules add. Read from the
// rules themselves, so building the menus costs nothing per finding.

export type TRuleChoice = {
  id: string;
  name: string;
  /** The team of a team rule; null for an org rule. */
  team: string | null;
};

export type TRuleChoices = { rules: TRuleChoice[]; tags: string[] };

/** The rules and rule tags a viewer with `scope` may filter on. */
export async function ruleFilterChoices(scope: TFindingScope): Promise<TRuleChoices> {
  const params: unknown[] = [scope.orgId];
  let visible = "true";
  if (scope.teamIds !== null) {
    params.push(scope.teamIds);
    visible = `(r.team_id IS NULL OR r.team_id = ANY($2::uuid[]))`;
  }
  const { rows } = await pool.query<{ id: string; name: string; team: string | null; tags: string[] | null }>(
    `SELECT r.id, r.name, t.name AS team,
            CASE WHEN jsonb_typeof(r.actions->'addTags') = 'array'
                 THEN ARRAY(SELECT jsonb_array_elements_text(r.actions->'addTags')) END AS tags
       FROM automation_rules r LEFT JOIN teams t ON t.id = r.team_id
      WHERE r.org_id = $1 AND ${visible}
      ORDER BY r.team_id IS NOT NULL, t.name, r.position, r.id`,
    params,
  );
  const tags = new Set<string>();
  for (const r of rows) for (const tag of r.tags ?? []) tags.add(tag);
  return {
    rules: rows.map((r) => ({ id: r.id, name: r.name, team: r.team })),
    tags: [...tags].sort(),
  };
}
