// What `npm start` prints when it cannot start: one line, whatever was thrown.

/** One line that says why, for an Error, a string, or anything else a promise was rejected with. */
export function describeFailure(err: unknown): string {
  let text: string;
  if (err instanceof Error) text = err.message || err.name;
  else if (typeof err === "string") text = err;
  else if (err === undefined || err === null) text = `an unknown error (a step failed with ${String(err)})`;
  else {
    try {
      text = JSON.stringify(err) ?? String(err);
    } catch {
      text = String(err);
    }
  }
  // Multi-line messages (a driver's, a migration's) stay on the one line.
  return text.trim().replace(/\s*\n\s*/g, " / ") || "an unknown error";
}

export function startFailedLine(err: unknown): string {
  return `[bumpers] Start failed: ${describeFailure(err)}`;
}
