import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { isUuid } from "../parse-input";
import type { TEngineRule } from "../engine/context";
import { ZRuleMatch } from "../schemas";

/** A rule as the app shows it: the engine's fields, its place and its destination's name. */
export type TRuleView = TEngineRule & { position: number; destinationName: string | null; updatedAt: Date };

type TRow = Omit<TRuleView, "match" | "destinationName"> & { match: unknown; destination: { name: string } | null };

export function toRuleView(row: TRow): TRuleView {
  return {
    id: row.id,
    teamId: row.teamId,
    kind: row.kind,
    position: row.position,
    name: row.name,
    // Stored through the same schema; parsing again fills defaults added since.
    match: ZRuleMatch.parse(row.match ?? {}),
    useTeamDestination: row.useTeamDestination,
    destinationId: row.destinationId,
    destinationName: row.destination?.name ?? null,
    pdSeverity: row.pdSeverity,
    grouping: row.grouping,
    continueMatching: row.continueMatching,
    noPage: row.noPage,
    updatedAt: row.updatedAt,
  };
}

export const RULE_INCLUDE = { destination: { select: { name: true } } } as const;
const ORDER = [{ kind: "asc" as const }, { position: "asc" as const }, { createdAt: "asc" as const }];

/** The org baseline: rules with no team, in order. Every member may read them. */
export async function listBaselineRules(orgId: string): Promise<TRuleView[]> {
  const rows = await db.alertRule.findMany({ where: { orgId, teamId: null }, orderBy: ORDER, include: RULE_INCLUDE });
  return rows.map(toRuleView);
}

/** One team's ordered rules (the caller has checked the team is visible). */
export async function listTeamRules(orgId: string, teamId: string): Promise<TRuleView[]> {
  const rows = await db.alertRule.findMany({ where: { orgId, teamId }, orderBy: ORDER, include: RULE_INCLUDE });
  return rows.map(toRuleView);
}

/** Every rule of the org (baseline first), for the engine and the org admin's overview. */
export async function listAllRules(orgId: string): Promise<TRuleView[]> {
  const rows = await db.alertRule.findMany({
    where: { orgId },
    orderBy: [{ teamId: { sort: "asc", nulls: "first" } }, ...ORDER],
    include: RULE_INCLUDE,
  });
  return rows.map(toRuleView);
}

/**
 * One rule of the given owner (teamId null = baseline). A rule of another team or org is
 * not_found, which is how a team admin is kept off other teams' rules.
 */
export async function getRule(orgId: string, teamId: string | null, ruleId: string): Promise<TRuleView> {
  if (!isUuid(ruleId)) throw notFound("Rule not found.");
  const row = await db.alertRule.findFirst({ where: { id: ruleId, orgId, teamId }, include: RULE_INCLUDE });
  if (!row) throw notFound("Rule not found.");
  return toRuleView(row);
}
