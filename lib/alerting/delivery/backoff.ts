// Retry timing for 429, 5xx, timeouts and connection errors: exponential with "equal jitter"
// (half fixed, half random), so workers that failed together do not retry together.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 10 * 60_000;
/** After this many attempts a retryable failure becomes permanent (about two hours of trying). */
export const MAX_ATTEMPTS = 24;

export function backoffMs(
  attempt: number,
  random = Math.random(),
  base = BACKOFF_BASE_MS,
  max = BACKOFF_MAX_MS,
): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
