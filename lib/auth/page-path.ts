// The path (and query) of the page being rendered, as proxy.ts saw the request: server components
// are not told their own URL, and a guard that sends someone to sign in needs it to bring them
// back. proxy.ts always overwrites the header, so a client cannot choose it; and whoever reads it
// still passes it through safeCallbackUrl before redirecting anywhere.
export const PAGE_PATH_HEADER = "x-bumpers-page-path";
