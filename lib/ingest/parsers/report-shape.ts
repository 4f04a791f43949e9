import type { z } from "zod";
import { ReportShapeError } from "./types";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Renders a Zod issue path the way a developer would write it in JavaScript, e.g.
 * `Results[0].PodResult.ContainerResults[1]` or `items[0].api["removed-in"]`, so the 422 answer
 * points straight at the offending piece of the uploaded JSON.
 */
export function formatReportPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Validates a report against a schema; the first problem becomes a ReportShapeError naming its path. */
export function parseReportShape<T extends z.ZodType>(
  schema: T,
  report: unknown,
  basePath: PropertyKey[] = [],
): z.output<T> {
  const result = schema.safeParse(report);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ReportShapeError(formatReportPath([...basePath, ...(issue?.path ?? [])]), issue?.message ?? "invalid");
}

/** Keeps evidence small: long command outputs are cut with a visible marker. */
export function truncateText(value: string, max = 1000): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length - max} more characters)`;
}
