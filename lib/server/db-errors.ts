// Errors that mean "the database cannot be reached right now" (stopped, restarting, network gone,
// out of connections), as opposed to a bug or bad input. Requests that meet one answer 503
// `unavailable` with a message saying so, instead of a 500: nothing is wrong with the request, and
// the same request will work once PostgreSQL is back (the pool reconnects by itself).

export const DATABASE_UNAVAILABLE_MESSAGE = "Bumpers cannot reach its database right now. Try again in a moment.";

// SQLSTATE classes 08 (connection exception), 53 (insufficient resources: too many connections)
// and 57P01-57P03 (admin/crash shutdown, cannot connect now: the server is starting up).
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[123])$/;
// Socket errors Node reports when the server is not there or went away mid-query.
const UNAVAILABLE_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// Prisma's own codes: cannot reach the server, connection closed, timed out waiting for a connection.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1017", "P2024"]);
// Prisma's driver adapter names pg's socket errors by kind (in the error's `cause`).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres and pg-pool raise these without a code.
const UNAVAILABLE_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
];

type TErrorLike = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

function matches(err: TErrorLike): boolean {
  const code = typeof err.code === "string" ? err.code : undefined;
  if (code && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_PRISMA.has(code))) {
    return true;
  }
  if (typeof err.kind === "string" && UNAVAILABLE_KINDS.has(err.kind)) return true;
  const message = typeof err.message === "string" ? err.message : "";
  return UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m));
}

/**
 * Whether `err` (or an error it wraps: Prisma's driver adapter keeps pg's error as `cause`, an
 * AggregateError lists one per address tried) says the database is unreachable.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return (
    findInChain(
      err,
      (e) => (matches(e) ? true : undefined),
      (e) => [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])],
    ) ?? false
  );
}

type TWrapped = TErrorLike & { meta?: { driverAdapterError?: unknown } };

/**
 * The first answer `test` gives for `err` or an error it wraps (breadth first, through `wrapped`),
 * each error looked at once; undefined when none answers.
 */
function findInChain<T>(
  err: unknown,
  test: (e: TWrapped) => T | undefined,
  wrapped: (e: TWrapped) => unknown[],
): T | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const next = queue.shift();
    if (!next || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    const e = next as TWrapped;
    const answer = test(e);
    if (answer !== undefined) return answer;
    queue.push(...wrapped(e));
  }
  return undefined;
}

// SQLSTATEs of a value PostgreSQL refused to read: 22021 NUL or invalid UTF-8 in text, 22P05
// \u0000 in jsonb, 22P02 a malformed literal (a lone surrogate in jsonb, a bad uuid), 22007 and
// 22008 an impossible or out-of-range date. Inputs are checked before they reach a query
// (lib/server/safe-input.ts); one that slips through is still the request's fault, not a 500.
const INVALID_INPUT_SQLSTATE = new Set(["22021", "22P05", "22P02", "22007", "22008"]);

/** The SQLSTATE when `err` (or the pg error Prisma's driver adapter wraps) says an input value was refused. */
export function invalidInputSqlState(err: unknown): string | null {
  return (
    findInChain(
      err,
      (e) => (typeof e.code === "string" && INVALID_INPUT_SQLSTATE.has(e.code) ? e.code : undefined),
      (e) => [e.cause, e.meta?.driverAdapterError],
    ) ?? null
  );
}
