import { beforeAll } from "vitest";

// Helpers for tests that call a server page or layout directly and check how it answered.

/** next.config.js enables authInterrupts; the flag reaches forbidden() through this variable. */
export function enableAuthInterrupts() {
  beforeAll(() => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  });
}

/** "rendered", or the HTTP status of the interrupt it threw ("403" from forbidden(), "404" from notFound()). */
export const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "rendered",
    (err: { digest?: string }) => err.digest?.split(";").pop() ?? String(err),
  );

/** A page's props for an org route, with its query string. */
export const orgPageProps = (org: string, query: Record<string, string> = {}) => ({
  params: Promise.resolve({ org }),
  searchParams: Promise.resolve(query),
});
