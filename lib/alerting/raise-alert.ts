import "server-only";
import { AppError } from "@/lib/server/errors";
import { matchingRules } from "./rules/match";
import { rulesOfKind, targetOf, type TEngineContext } from "./engine/context";
import { applyKeyedGroup, type TEvaluation } from "./engine/evaluate";
import { notifyRoutesFor } from "./engine/notify";
import { groupKeyOf, truncate } from "./engine/payload";
import type { TSqlClient } from "./engine/sql";
import type { TDesiredGroup, TRouteTarget } from "./engine/types";
import { parseInput } from "./parse-input";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { ZRaiseAlert, type TPdSeverity, type TRaiseAlertInput } from "./schemas";

// The generic entry point for alerts that are not findings (budgets first). Call it inside the
// transaction that detected the condition, with that transaction's client: the outbox rows
// commit with it. Raising again with a changed summary/details/severity updates the incident
// (same dedup key); clearing resolves it; raising after a clear opens a new incident.

const FINDING_SEVERITY_OF: Record<TPdSeverity, TSeverityLevel> = {
  critical: "critical",
  error: "high",
  warning: "medium",
  info: "low",
};

const keyOf = (orgId: string, teamId: string | null, key: string) =>
  groupKeyOf({ orgId, teamId, kind: "budget", subject: key, scope: "" });

function buildGroup(ctx: TEngineContext, input: ReturnType<typeof ZRaiseAlert.parse>): TDesiredGroup {
  if (input.teamId && !ctx.teams.has(input.teamId)) throw new AppError("not_found", "Team not found.");
  const item = {
    severity: FINDING_SEVERITY_OF[input.severity],
    category: "cost",
    source: "budget",
    checkId: input.key,
    cluster: "",
    namespace: "",
  };
  const matched = [
    ...matchingRules(rulesOfKind(ctx.baseline, "budget"), item),
    ...(input.teamId ? matchingRules(rulesOfKind(ctx.teamRules.get(input.teamId), "budget"), item) : []),
  ];
  const notify = [...notifyRoutesFor(ctx, "budget", input.teamId, item).values()].flat();
  const routes = new Map<string, TRouteTarget>(notify.map((n) => [`${n.destinationId}/${n.keyFingerprint}`, n]));
  for (const rule of matched) {
    const target = targetOf(ctx, rule, input.teamId);
    if (target) routes.set(target.destinationId, target);
  }
  const team = input.teamId ? ctx.teams.get(input.teamId) : undefined;
  const link = input.link
    ? /^https?:\/\//.test(input.link)
      ? input.link
      : `${ctx.baseUrl}${input.link.startsWith("/") ? "" : "/"}${input.link}`
    : `${ctx.baseUrl}/o/${ctx.orgSlug}/cost`;
  return {
    kind: "budget",
    teamId: input.teamId,
    groupKey: keyOf(ctx.orgId, input.teamId, input.key),
    grouping: "check",
    subject: input.key,
    scope: {},
    title: truncate(input.summary, 200),
    pdSeverity: input.severity,
    affectedCount: 1,
    routes: [...routes.values()],
    facts: {
      summary: input.summary,
      source: "bumpers-cost",
      component: input.key,
      group: team?.slug ?? "org",
      class: "budget",
      // `sample` is what tells an update apart: new details → a new trigger with the same key.
      customDetails: { ...input.details, sample: [JSON.stringify(input.details).slice(0, 2000), input.summary] },
      link,
      linkText: "Open in Bumpers",
    },
    ruleIds: matched.map((r) => r.id),
  };
}

/**
 * Raises (or updates) a non-finding alert, routed through the rules of kind "budget" (baseline
 * and the team's), severity `warning` unless given. `key` identifies the problem within the team.
 */
export async function raiseAlert(client: TSqlClient, input: TRaiseAlertInput): Promise<TEvaluation> {
  const parsed = parseInput(ZRaiseAlert, input);
  return applyKeyedGroup(client, parsed.orgId, keyOf(parsed.orgId, parsed.teamId, parsed.key), (ctx) =>
    buildGroup(ctx, parsed),
  );
}

/** Resolves what raiseAlert opened for (org, team, key); nothing happens when it is not open. */
export async function clearAlert(
  client: TSqlClient,
  input: { orgId: string; teamId: string | null; key: string },
): Promise<TEvaluation> {
  return applyKeyedGroup(client, input.orgId, keyOf(input.orgId, input.teamId, input.key), () => null);
}
