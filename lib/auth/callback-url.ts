// Where to go after signing in (or out): only somewhere on this site. Client-safe.
//
// A string test ("starts with / but not //") is not enough: browsers read `/\evil.example` as
// `//evil.example` and drop tabs and newlines (`/%09/evil.example`), so both led off-site
// (issue 16). The URL is parsed the way a browser would, against the app's origin, and kept
// only when it stays on that origin; what is returned is its path, query and fragment, which a
// browser can only resolve on the same site.

/** Stands in for the app's origin when none is configured: only same-site paths pass anyway. */
const PLACEHOLDER_ORIGIN = "http://bumpers.invalid";

/**
 * `raw` as a same-origin path (`/o/acme?x=1#y`), or `fallback` when it is missing, unparseable
 * or points anywhere else (another host, `//host`, `/\host`, `javascript:`, ...).
 */
export function safeCallbackUrl(raw: unknown, origin: string | undefined | null, fallback = "/"): string {
  if (typeof raw !== "string" || raw.trim() === "") return fallback;
  const base = originOf(origin);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // A same-origin URL can still have a path that starts with `//` (`https://app//evil.example`),
  // which a browser given the path alone would read as another host.
  const path = `/${url.pathname.replace(/^\/+/, "")}`;
  return `${path}${url.search}${url.hash}`;
}

function originOf(origin: string | undefined | null): string {
  if (!origin) return PLACEHOLDER_ORIGIN;
  try {
    const parsed = new URL(origin).origin;
    return parsed === "null" ? PLACEHOLDER_ORIGIN : parsed;
  } catch {
    return PLACEHOLDER_ORIGIN;
  }
}
