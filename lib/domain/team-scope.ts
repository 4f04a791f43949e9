import { globMatch } from "./glob";
import type { TScopeRule } from "./scope-rules";

// Team ownership: every resource belongs to exactly one team, the first team (by priority) whose
// scope includes it. Within a team the rules are ordered and the first rule that matches decides,
// so "exclude payments-legacy" placed above "include payments-*" carves out an exception.

export type TScopedResource = {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  labels: Readonly<Record<string, string>>;
};

export type TTeamScope = { id: string; priority: number; name: string; rules: readonly TScopeRule[] };

/**
 * `*` matches any run of characters (including none); everything else is literal. An empty
 * pattern means "any" (a scope field left blank). Linear time, see lib/domain/glob.ts.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  return pattern === "" || globMatch(pattern, value);
}

export function ruleMatches(rule: TScopeRule, resource: TScopedResource): boolean {
  if (!wildcardMatch(rule.cluster, resource.cluster)) return false;
  if (!wildcardMatch(rule.namespace, resource.namespace)) return false;
  if (!wildcardMatch(rule.kind, resource.kind)) return false;
  if (!wildcardMatch(rule.name, resource.name)) return false;
  for (const [key, valuePattern] of Object.entries(rule.labels)) {
    const value = resource.labels[key];
    if (value === undefined || !wildcardMatch(valuePattern || "*", value)) return false;
  }
  return true;
}

/** Whether a team's ordered rules take the resource: the first matching rule decides. */
export function scopeIncludes(rules: readonly TScopeRule[], resource: TScopedResource): boolean {
  for (const rule of rules) {
    if (ruleMatches(rule, resource)) return rule.effect === "include";
  }
  return false;
}

export function sortTeamsByPriority<T extends { priority: number; name: string }>(teams: readonly T[]): T[] {
  return [...teams].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
}

/** Sorts the teams once and returns a function giving a resource's owning team id (null: Unassigned). */
export function ownerResolver(teams: readonly TTeamScope[]): (resource: TScopedResource) => string | null {
  const ordered = sortTeamsByPriority(teams);
  return (resource) => ordered.find((team) => scopeIncludes(team.rules, resource))?.id ?? null;
}

export function resolveOwningTeam(teams: readonly TTeamScope[], resource: TScopedResource): string | null {
  return ownerResolver(teams)(resource);
}
