// PostgreSQL text and jsonb cannot hold every JavaScript string: text refuses NUL (U+0000), jsonb
// refuses the escape \u0000 and unpaired UTF-16 surrogates (JSON.stringify writes a lone
// "\ud800" as that escape). Such a string reaching a query fails the whole statement, which a
// route answers 500 and the worker records as a lost report. Input is either cleaned here before
// it is stored (agent reports, admission reviews: scanned metadata we must still evaluate) or
// refused with the field named (API parameters a person typed). Client-safe: no server imports.

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL would refuse this string, or null when it can be stored as text and jsonb. */
export function unsafeTextReason(value: string): string | null {
  const found = UNSAFE.exec(value);
  if (!found) return null;
  return found[0] === "\u0000" ? "contains a NUL character" : "contains an unpaired UTF-16 surrogate";
}

/** The string without NUL characters, with unpaired surrogates replaced by U+FFFD. */
export function cleanText(value: string): string {
  if (!UNSAFE.test(value)) return value;
  return value.replaceAll("\u0000", "").toWellFormed();
}

/**
 * A JSON value (as JSON.parse returns it) with every string and object key cleaned by cleanText;
 * `changed` tells whether anything was. Unchanged subtrees are returned as they are, not copied.
 */
export function cleanJsonStrings(value: unknown): { value: unknown; changed: boolean } {
  if (typeof value === "string") {
    const cleaned = cleanText(value);
    return { value: cleaned, changed: cleaned !== value };
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const r = cleanJsonStrings(item);
      changed ||= r.changed;
      return r.value;
    });
    return changed ? { value: out, changed } : { value, changed };
  }
  if (value !== null && typeof value === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const cleanKey = cleanText(key);
      const r = cleanJsonStrings(item);
      changed ||= r.changed || cleanKey !== key;
      // Two keys that differ only by a NUL collapse into one; the later wins, as in JSON.parse.
      out[cleanKey] = r.value;
    }
    return changed ? { value: out, changed } : { value, changed };
  }
  return { value, changed: false };
}

/** The path ("results.3.name") and reason of the first string or key PostgreSQL would refuse, or null. */
export function findUnsafeString(value: unknown, path: string[] = []): { path: string; reason: string } | null {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    return reason ? { path: path.join("."), reason } : null;
  }
  if (value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const keyReason = unsafeTextReason(key);
    // The path is shown back to the caller: the bad key itself is named by its clean form.
    if (keyReason) return { path: [...path, cleanText(key)].join("."), reason: `has a key that ${keyReason}` };
    const found = findUnsafeString(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
