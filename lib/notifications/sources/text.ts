import type { TRepeats } from "@/lib/alerting/engine/queue-messages";
import type { TNotificationSeverity } from "@/lib/domain/notification-message";
import { SEVERITY_RANK, type TSeverityLevel } from "@/lib/domain/severity";

// Wording and severities the sources' messages share.

/** "2026-12-08 10:02 UTC". */
export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "once", "3 times", "240 times since 2026-12-08 10:02 UTC" (the group's previous message). */
export function timesText(r: TRepeats): string {
  const times = r.count === 1 ? "once" : `${r.count} times`;
  return r.since ? `${times} since ${utcMinute(r.since)}` : times;
}

/** The count as a fact: "3", or "240 since 2026-12-08 10:02 UTC". */
export const countFact = (r: TRepeats) => (r.since ? `${r.count} since ${utcMinute(r.since)}` : String(r.count));

/** A finding's severity as a message's ("none" is "info"). */
export const messageSeverity = (s: TSeverityLevel): TNotificationSeverity => (s === "none" ? "info" : s);

/** The most severe of `levels` ("none" for an empty list). */
export const worstOf = (levels: readonly TSeverityLevel[]): TSeverityLevel =>
  levels.reduce<TSeverityLevel>((worst, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[worst] ? s : worst), "none");

/** "1 finding", "3 findings". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A repeat of an admission denial or a blocked CI run this soon after its message is only counted. */
export const REPEAT_WINDOW_MS = 3_600_000;
