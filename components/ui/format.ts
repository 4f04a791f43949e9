// Dates render the same on the server and in the browser (fixed locale and time zone), so client
// components hydrate without mismatches.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDate = (value: Date | string) => dateFormat.format(new Date(value));
export const formatDateTime = (value: Date | string) => `${dateTimeFormat.format(new Date(value))} UTC`;

/** "never", "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function formatLastUsed(value: Date | string | null, now: Date = new Date()): string {
  if (!value) return "never";
  const seconds = Math.max(0, (now.getTime() - new Date(value).getTime()) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  if (days < 30) return days === 1 ? "yesterday" : `${days} days ago`;
  return formatDate(value);
}
