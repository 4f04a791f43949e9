import { AppError } from "@/lib/server/errors";

// The type comes from the URL and names the report in lists; unknown types are accepted so a new
// agent plugin never loses data, but only in a shape that is safe in paths, logs and SQL.
const REPORT_TYPE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The report type from the URL, or a 400 naming the rule. */
export function parseReportType(type: string): string {
  if (!REPORT_TYPE.test(type)) {
    throw new AppError(
      "bad_request",
      "The report type must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit.",
      { field: "type" },
    );
  }
  return type;
}
