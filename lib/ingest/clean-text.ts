import { isUtf8 } from "node:buffer";
import { AppError } from "@/lib/server/errors";
import { cleanJsonStrings } from "@/lib/server/text-safety";
import { parseReportJson } from "./parse-json";

// An agent's report is scanned metadata: a NUL in a label value or a container name that is not
// valid UTF-8 must not cost the cluster every finding of the report. PostgreSQL refuses NUL and
// invalid UTF-8 in text, and the escapes \u0000 and lone surrogates (\ud800) in jsonb, so a report
// holding any of them was acknowledged, then failed in the worker. They are cleaned here, before
// the report is stored and acknowledged: NUL removed, invalid UTF-8 and lone surrogates replaced by
// U+FFFD, everything else kept byte for byte.

// A JSON escape that may decode to NUL or to a surrogate (a false hit, such as an escaped
// backslash before "u0000", only costs a walk that changes nothing).
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

export type TCleanReport = {
  /** The bytes to store: the upload itself when nothing needed cleaning. */
  body: Buffer;
  json: unknown;
  /** What was cleaned, for the log; empty when the upload was stored as sent. */
  cleaned: string[];
};

/** The report's JSON and the bytes to store, cleaned of what PostgreSQL cannot hold; a 400 when it is not JSON. */
export function cleanReportBody(raw: Buffer): TCleanReport {
  // Node's decoder already replaces each invalid sequence with U+FFFD; the stored bytes must match.
  const invalid = isUtf8(raw) ? [] : ["invalid UTF-8 replaced with U+FFFD"];
  const result = cleanReportText(raw.toString("utf8"));
  const cleaned = [...invalid, ...result.cleaned];
  return { body: cleaned.length ? Buffer.from(result.text) : raw, json: result.json, cleaned };
}

/** cleanReportBody for a report already decoded (the worker reads stored reports as text). */
export function cleanReportText(decoded: string): { text: string; json: unknown; cleaned: string[] } {
  const cleaned: string[] = [];
  let text = decoded;
  if (text.includes("\u0000")) {
    text = text.replaceAll("\u0000", "");
    cleaned.push("NUL bytes removed");
  }
  const json = parseReportJson(text);
  if (!RISKY_ESCAPE.test(text)) return { text, json, cleaned };
  try {
    const result = cleanJsonStrings(json);
    if (!result.changed) return { text, json, cleaned };
    cleaned.push("escaped NUL removed, lone surrogates replaced with U+FFFD");
    return { text: JSON.stringify(result.value), json: result.value, cleaned };
  } catch (err) {
    // A document nested deeper than the stack (JSON.parse is not recursive, the walk is).
    if (!(err instanceof RangeError)) throw err;
    throw new AppError("bad_request", "The report is nested too deeply to be read.");
  }
}
