import { unsafeTextReason } from "@/lib/server/text-safety";

// Requests the proxy answers 4xx itself, before Next or a page sees them (issue 16):
// - an address with a NUL (or malformed percent-encoding) in its path or query: every page would
//   pass it to a query and fail with a 500 halfway through streaming;
// - a server action (POST with a Next-Action header) from another site, or whose body cannot be
//   decoded: Next refuses both, but with a 500, as if the server had failed.
// Authorization is still never decided here; this only turns malformed requests into clear 4xx.

export type TRefusal = { status: 400 | 403; message: string };

// Next's server actions default to a 1 MB body; past it Next answers itself, and the proxy's copy
// of a large body is cut, so only bodies within it are checked.
const MAX_CHECKED_ACTION_BYTES = 1024 * 1024;

function badAddress(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return "The address is not valid: it has a malformed %-escape.";
  }
  if (unsafeTextReason(path)) return "The address is not valid: it contains a NUL character.";
  for (const [name, value] of url.searchParams) {
    const reason = unsafeTextReason(name) ?? unsafeTextReason(value);
    if (reason) return `The address is not valid: the parameter ${unsafeTextReason(name) ? "name" : name} ${reason}.`;
  }
  return null;
}

function crossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  // The same host Next compares the Origin with (X-Forwarded-Host behind a proxy, else Host).
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host)
    .split(",")[0]
    .trim();
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function undecodableActionBody(request: Request): Promise<boolean> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  const checkable = Number.isFinite(length) && length <= MAX_CHECKED_ACTION_BYTES;
  if (type.startsWith("multipart/form-data")) {
    if (!checkable) return false;
    return request
      .formData()
      .then(() => false)
      .catch(() => true);
  }
  // The client sends its arguments as a JSON text (React's encodeReply) when no file is among them.
  if (type === "" || type.startsWith("text/plain")) {
    if (!checkable) return false;
    try {
      JSON.parse(await request.text());
      return false;
    } catch {
      return true;
    }
  }
  return true;
}

/** A 4xx for a request no page or action can serve, or null to let it through. */
export async function refuseRequest(request: Request): Promise<TRefusal | null> {
  const address = badAddress(new URL(request.url));
  if (address) return { status: 400, message: address };
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (crossSite(request)) return { status: 403, message: "Cross-site requests are not accepted." };
  if (await undecodableActionBody(request)) {
    return { status: 400, message: "The request body is not a form or a server action call." };
  }
  return null;
}
