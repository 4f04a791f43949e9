import type { TNotification } from "../message";

// Text helpers the renderers share: limits are in characters as people see them (code points, so
// an emoji is never cut in half), and every cut says so with an ellipsis.

/** The text cut to at most `max` characters, ending with "…" when it was cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** "2026-03-12 10:04 UTC": a moment every reader reads the same, whatever their time zone. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The sample as lines, and "…and N more" when the notification says there are more. */
export function sampleLines(notification: TNotification): { lines: string[]; more: string | null } {
  const lines = notification.sample ?? [];
  const more = notification.moreCount ? `…and ${notification.moreCount} more` : null;
  return { lines, more };
}

/** "Acme / Payments": where the notification comes from. */
export function scopeName(notification: TNotification): string {
  return notification.team ? `${notification.org.name} / ${notification.team.name}` : notification.org.name;
}
