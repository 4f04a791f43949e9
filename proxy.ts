import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { refuseRequest } from "@/lib/security/refuse-request";
import { databaseStatus } from "@/lib/server/database-status";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/server/db-errors";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-path";

// Runs before every page (never before /api, the agent's /v0 uploads or the identity providers'
// /scim calls: a proxy buffers request bodies, reports can be large, and a SCIM client must get
// SCIM answers, never a sign-in redirect; next.config.js gives those routes their static headers).
// 1. A fresh CSP nonce per request: Next reads it from the request's CSP header and stamps its
//    own scripts with it, so no inline script runs without it.
// 2. Coarse redirect only: signed-out visitors of the dashboard go to the sign-in page first.
//    Authorization is never decided here; every page and route checks the session and tenant itself.
// 3. Malformed requests (a NUL in the address, a cross-site or undecodable server action call)
//    get a clear 4xx here instead of a 500 from deep inside a page or Next (lib/security/refuse-request.ts).
// 4. While PostgreSQL cannot be reached, pages answer 503 with a page that says so (a page would
//    otherwise start streaming with 200 and fail halfway, or answer 500).
// 5. The page's own path goes to the page as a request header (lib/auth/page-path.ts), so that a
//    guard sending someone to their org's SSO can bring them back to it.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = ["/o/", "/orgs/"];

export async function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  const refused = await refuseRequest(request);
  const response = refused
    ? refusedResponse(refused.status, refused.message)
    : needsSignIn(request)
      ? redirectToSignIn(request)
      : (await databaseStatus().reachable())
        ? forwardWithPolicy(request, headers)
        : databaseUnavailable();
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function needsSignIn(request: NextRequest): boolean {
  const path = request.nextUrl.pathname + "/";
  if (!SIGNED_IN_AREAS.some((area) => path.startsWith(area))) return false;
  return !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function databaseUnavailable(): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bumpers is unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2937">
<h1 style="font-size: 1.25rem">Bumpers is unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p></body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store" },
  });
}

function refusedResponse(status: number, message: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function redirectToSignIn(request: NextRequest): NextResponse {
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

function forwardWithPolicy(request: NextRequest, headers: Record<string, string>): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  requestHeaders.set(PAGE_PATH_HEADER, pagePathOf(request));
  return NextResponse.next({ request: { headers: requestHeaders } });
}

/** The page's path and query, without Next's own cache-busting parameter of client navigations. */
function pagePathOf(request: NextRequest): string {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc");
  return url.pathname + url.search;
}

export const config = {
  matcher: ["/((?!api/|v0/|scim/|_next/static/|_next/image|favicon.ico|icon).*)"],
};
