import { NextResponse, type NextRequest } from "next/server";

// Coarse redirect only: signed-out visitors of the dashboard go to the sign-in page first.
// Authorization is never decided here; every page and route checks the session and tenant itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/o/:path*", "/orgs/:path*"] };
