import "server-only";
import { Document } from "yaml";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { listAllRules } from "./queries";
import { replaceRuleLists } from "./replace-rules";
import { diffRules, type TRulesDiff } from "./yaml-diff";
import { API_VERSION, KIND, ruleToFile } from "./yaml-format";
import { loadNameDirectory } from "./yaml-names";
import { parseRulesFile } from "./yaml-parse";

// Rules as a YAML document a platform team keeps in git: export writes every list (the org's, then
// each team's by slug) with names instead of ids; import checks the whole file first (line-aware
// errors), shows the diff, and only then replaces the lists in one transaction.

export type { TRulesDiff } from "./yaml-diff";
export type { TYamlIssue } from "./yaml-parse";

const HEADER = [
  " Bumpers automation rules. Import replaces every list with this file's: the org's `rules`",
  " (run first) and each team's under `teams.<slug>`; a team left out loses its rules. Rules are",
  " matched by name; teams are slugs, people emails, connections and destinations names.",
].join("\n");

/** The org's rule lists as a YAML document. */
export async function exportRulesYaml(orgId: string): Promise<string> {
  const [org, lists, names] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { slug: true } }),
    listAllRules(orgId),
    loadNameDirectory(orgId),
  ]);
  const teams = [...lists.teams.entries()]
    .map(([teamId, rules]) => [names.teamSlugs.get(teamId) ?? teamId, rules] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  const doc = new Document({
    apiVersion: API_VERSION,
    kind: KIND,
    org: org.slug,
    rules: lists.org.map((r) => ruleToFile(r, names)),
    teams: Object.fromEntries(teams.map(([slug, rules]) => [slug, rules.map((r) => ruleToFile(r, names))])),
  });
  doc.commentBefore = HEADER;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Checks `text` against the org (a 400 listing every problem with its line), and answers the diff
 * against what is stored. Unless `dryRun`, the lists are then replaced in one transaction, with
 * an audit row per rule added, changed or removed.
 */
export async function importRulesYaml(
  orgId: string,
  actor: TAuditEntry["actor"],
  text: string,
  options: { dryRun: boolean },
): Promise<{ diff: TRulesDiff; applied: boolean }> {
  const { lists, names } = await parseRulesFile(orgId, text);
  const current = await listAllRules(orgId);
  const teamIds = new Set([...lists.map((l) => l.teamId), ...current.teams.keys()]);
  const diff = diffRules(
    [...teamIds].map((teamId) => ({
      team: teamId ? (names.teamSlugs.get(teamId) ?? teamId) : null,
      current: teamId ? (current.teams.get(teamId) ?? []) : current.org,
      next: lists.find((l) => l.teamId === teamId)?.rules ?? [],
    })),
  );
  if (options.dryRun || diff.unchanged) return { diff, applied: false };
  await replaceRuleLists(
    orgId,
    actor,
    [...teamIds].map((teamId) => ({ teamId, rules: lists.find((l) => l.teamId === teamId)?.rules ?? [] })),
    diff,
  );
  return { diff, applied: true };
}
