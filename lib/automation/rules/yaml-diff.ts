import type { TAutomationRuleDraft } from "../schemas";

// What importing a file would change, list by list: rules added, changed (and which settings),
// removed, and whether the order of the rules kept changes. Rules are matched by name within
// their list. Pure: the import's dry run and its apply step compute the same diff.

export type TRuleSettings = Pick<
  TAutomationRuleDraft,
  "name" | "enabled" | "conditions" | "actions" | "stopProcessing" | "expiresAt" | "note"
>;

export type TListDiff = {
  /** The team's slug; null for the org's list. */
  team: string | null;
  added: string[];
  changed: { name: string; fields: string[] }[];
  removed: string[];
  /** The kept rules run in another order. */
  reordered: boolean;
};

export type TRulesDiff = {
  lists: TListDiff[];
  counts: { added: number; changed: number; removed: number; reordered: number };
  unchanged: boolean;
};

const FIELDS = ["enabled", "conditions", "actions", "stopProcessing", "expiresAt", "note"] as const;

/** JSON with sorted keys and dates as ISO text: equal settings give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/** The settings of `after` that differ from `before`. */
export function changedFields(before: TRuleSettings, after: TRuleSettings): string[] {
  return FIELDS.filter((f) => {
    const a = f === "expiresAt" ? (before.expiresAt?.toISOString() ?? null) : before[f];
    const b = f === "expiresAt" ? (after.expiresAt?.toISOString() ?? null) : after[f];
    return canonical(a) !== canonical(b);
  });
}

export function diffList(
  team: string | null,
  current: readonly TRuleSettings[],
  next: readonly TRuleSettings[],
): TListDiff {
  const byName = new Map(current.map((r) => [r.name, r]));
  const nextNames = new Set(next.map((r) => r.name));
  const added: string[] = [];
  const changed: TListDiff["changed"] = [];
  for (const rule of next) {
    const before = byName.get(rule.name);
    if (!before) added.push(rule.name);
    else {
      const fields = changedFields(before, rule);
      if (fields.length) changed.push({ name: rule.name, fields });
    }
  }
  const removed = current.filter((r) => !nextNames.has(r.name)).map((r) => r.name);
  const keptBefore = current.filter((r) => nextNames.has(r.name)).map((r) => r.name);
  const keptAfter = next.filter((r) => byName.has(r.name)).map((r) => r.name);
  const reordered = keptBefore.some((name, i) => keptAfter[i] !== name);
  return { team, added, changed, removed, reordered };
}

/** Every list's diff (lists without a change left out), and the totals. */
export function diffRules(
  lists: readonly { team: string | null; current: readonly TRuleSettings[]; next: readonly TRuleSettings[] }[],
): TRulesDiff {
  const diffs = lists
    .map((l) => diffList(l.team, l.current, l.next))
    .filter((d) => d.added.length || d.changed.length || d.removed.length || d.reordered);
  const counts = {
    added: diffs.reduce((n, d) => n + d.added.length, 0),
    changed: diffs.reduce((n, d) => n + d.changed.length, 0),
    removed: diffs.reduce((n, d) => n + d.removed.length, 0),
    reordered: diffs.filter((d) => d.reordered).length,
  };
  return { lists: diffs, counts, unchanged: diffs.length === 0 };
}
