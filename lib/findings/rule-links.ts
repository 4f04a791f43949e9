// Where an automation rule's page is, for the links on findings (history lines, "set by rule X"
// notes, the rule filter's chip). Org rules live in the org's settings, team rules under their team.
// Client-safe.

export type TRuleLinkTarget = {
  id: string;
  /** The team of a team rule; null for an org rule. */
  teamSlug: string | null;
};

export function automationRuleHref(orgSlug: string, rule: TRuleLinkTarget): string {
  const org = encodeURIComponent(orgSlug);
  const id = encodeURIComponent(rule.id);
  return rule.teamSlug
    ? `/o/${org}/teams/${encodeURIComponent(rule.teamSlug)}/automation/${id}`
    : `/o/${org}/settings/automation/${id}`;
}
