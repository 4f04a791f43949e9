import { AppError } from "@/lib/server/errors";

/** A report's JSON, or a 400 naming where it breaks. */
export function parseReportJson(text: string): unknown {
  if (text.length === 0) throw new AppError("bad_request", "The report body is empty.");
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // Node's message names the position ("… in JSON at position 12"), except for a body cut off
    // early ("Unexpected end of JSON input"), where the position is the end of the body.
    const message = (err as Error).message;
    const where = /position \d+/.test(message) ? "" : ` (at position ${text.length}, the end of the body)`;
    throw new AppError("bad_request", `The report is not valid JSON: ${message}${where}`);
  }
}
