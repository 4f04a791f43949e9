// Turns an audit row's before/after JSON into readable lines: "role: member → admin".
// Pure and free of server code so that pages and tests share it.

export type TChange = { field: string; before?: string; after?: string };

type TJson = null | boolean | number | string | TJson[] | { [key: string]: TJson };

const isRecord = (v: unknown): v is Record<string, TJson> => typeof v === "object" && v !== null && !Array.isArray(v);

/** "kubernetesVersion" → "kubernetes version"; "team_role" → "team role". */
export function fieldLabel(key: string): string {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

export function formatValue(value: unknown, max = 80): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return truncate(value, max);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return value.length ? truncate(value.map((v) => formatValue(v)).join(", "), max) : "none";
  }
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  return truncate(JSON.stringify(value), max);
}

const truncate = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Changed fields only when both sides are present; every field for a creation (after only) or a
 * deletion (before only). Non-object values are reported as one "value" line.
 */
export function describeChanges(before: unknown, after: unknown): TChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (b === undefined && a === undefined) return [];
  if ((b !== undefined && !isRecord(b)) || (a !== undefined && !isRecord(a))) {
    if (JSON.stringify(b) === JSON.stringify(a)) return [];
    return [change("value", b, a)];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const changes: TChange[] = [];
  for (const key of keys) {
    const old = b?.[key];
    const next = a?.[key];
    if (b && a && JSON.stringify(old) === JSON.stringify(next)) continue;
    changes.push(change(key, b ? old : undefined, a ? next : undefined, Boolean(b), Boolean(a)));
  }
  return changes;
}

function change(
  key: string,
  before: unknown,
  after: unknown,
  hasBefore = before !== undefined,
  hasAfter = after !== undefined,
): TChange {
  return {
    field: fieldLabel(key),
    ...(hasBefore ? { before: formatValue(before) } : {}),
    ...(hasAfter ? { after: formatValue(after) } : {}),
  };
}
