/**
 * Alert links are absolute (they are sent to PagerDuty); inside the app they open as app paths, so
 * they work whatever host the page was reached on.
 */
export function inAppHref(link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith("/")) return link;
  try {
    const url = new URL(link);
    return url.pathname.startsWith("/o/") ? `${url.pathname}${url.search}` : link;
  } catch {
    return null;
  }
}

/** "a, b, c …and 12 more" from a sample and the full count. */
export function sampleText(sample: readonly string[], total: number, shown = 3): string {
  const head = sample.slice(0, shown);
  const more = total - head.length;
  return more > 0 ? `${head.join(", ")} …and ${more} more` : head.join(", ");
}
