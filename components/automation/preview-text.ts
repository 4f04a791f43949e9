import type { TChange, TChangeField, TRunResult } from "@/lib/automation/engine/types";

// The preview's words, shared by the editor and the apply panel. Pure.

const FIELD_NAMES: Record<TChangeField, string> = {
  severity: "severity",
  assignee: "assignee",
  team: "team",
  snooze: "snooze",
  resolution: "resolution",
  due: "due date",
  tags: "tags",
};

type TPreviewNumbers = {
  inScope: number;
  matched: number;
  capped: boolean;
  result: Pick<TRunResult, "changedFindings" | "changes">;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "Matches 12 of 340 open findings; would change 9: severity on 9, tags on 4." */
export function previewSummary(p: TPreviewNumbers): string {
  const matches = `Matches ${p.matched.toLocaleString("en-US")} of ${plural(p.inScope, "open finding")}`;
  const changes = p.result.changes
    .filter((c) => c.count > 0)
    .map((c) => `${FIELD_NAMES[c.field]} on ${c.count.toLocaleString("en-US")}`);
  const would = p.result.changedFindings
    ? `would change ${p.result.changedFindings.toLocaleString("en-US")}${changes.length ? `: ${changes.join(", ")}` : ""}`
    : "would change nothing now";
  return `${matches}; ${would}${p.capped ? " (counted on the first 50,000)" : ""}.`;
}

/** "severity: high → low". */
export function changeText(change: TChange): string {
  return `${FIELD_NAMES[change.field]}: ${change.from ?? "—"} → ${change.to ?? "—"}`;
}
