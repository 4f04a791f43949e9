import "server-only";
import { AUDIT_KEY, type TAuditCursor } from "./queries";
import { ZAuditFilters, type TAuditFilters } from "./schemas";

type TSearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The audit page's URL state. A page, unlike the API, does not fail on a bad value: invalid
 * filters are dropped and named in `problems`, an invalid cursor starts from the newest entry.
 */
export function parseAuditSearchParams(searchParams: TSearchParams): {
  filters: TAuditFilters;
  cursor?: TAuditCursor;
  problems: string[];
} {
  const raw: Record<string, string | undefined> = {
    action: first(searchParams.action),
    actor: first(searchParams.actor),
    from: first(searchParams.from),
    to: first(searchParams.to),
  };
  const problems: string[] = [];
  let parsed = ZAuditFilters.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      problems.push(`${key || "filters"}: ${issue.message}`);
      if (key in raw) raw[key] = undefined;
    }
    parsed = ZAuditFilters.safeParse(raw);
  }
  const filters = parsed.success ? parsed.data : ZAuditFilters.parse({});
  return { filters, cursor: decodePageCursor(first(searchParams.cursor)), problems };
}

function decodePageCursor(cursor: string | undefined): TAuditCursor | undefined {
  return cursor && AUDIT_KEY.read(cursor, { lenient: true }) ? cursor : undefined;
}

/** "?action=…&cursor=…" for links that keep the filters. */
export function auditPageQuery(filters: TAuditFilters, cursor?: string): string {
  const query = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (cursor) query.set("cursor", cursor);
  const s = query.toString();
  return s ? `?${s}` : "";
}
