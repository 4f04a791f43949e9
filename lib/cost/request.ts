import "server-only";
import { z } from "zod";
import type { TApiPrincipal } from "@/lib/api/http";
import { AppError } from "@/lib/server/errors";
import { isoDay, resolveRange, type TCostRange } from "./range";
import { ZRangeParams } from "./schemas";
import { costScopeOf, orgCostScope, type TCostScope } from "./scope";
import type { TCostBreakdownBy, TCostSeriesGroup } from "./types";

// Shared by the /api/v1/cost routes and the CSV export: who the caller is → scope, and the
// query string → range and options, with bad input answered 400 naming the field.

export function costScopeForPrincipal(orgId: string, principal: TApiPrincipal): TCostScope {
  return principal.type === "session" ? costScopeOf(principal.access) : orgCostScope(orgId);
}

function firstIssue(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || "query";
  return new AppError("bad_request", `${field}: ${issue?.message ?? "invalid"}`, { field });
}

/** ?range=7d|30d|90d|mtd|custom (default 30d) with from/to for custom; days are UTC. */
export function parseCostRange(params: URLSearchParams, today: string = isoDay(new Date())): TCostRange {
  const parsed = ZRangeParams.safeParse({
    range: params.get("range") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) throw firstIssue(parsed.error);
  const range = resolveRange(parsed.data.range, today, parsed.data);
  if (range.to > "9999-12-31" || range.from < "2000-01-01")
    throw new AppError("bad_request", "from/to: out of range", { field: "from" });
  if ((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 > 366) {
    throw new AppError("bad_request", "from: a range covers at most 366 days", { field: "from" });
  }
  return range;
}

const ZGroup = z.enum(["team", "cluster", "namespace", "label"]).default("team");
const ZBy = z.enum(["service", "namespace", "workload", "container"]).default("service");
const ZLabelKey = z.string().trim().min(1, "name a label key").max(317);

export function parseSeriesGroup(params: URLSearchParams): { groupBy: TCostSeriesGroup; labelKey?: string } {
  const groupBy = ZGroup.safeParse(params.get("groupBy") ?? undefined);
  if (!groupBy.success)
    throw firstIssue(new z.ZodError(groupBy.error.issues.map((i) => ({ ...i, path: ["groupBy"] }))));
  if (groupBy.data !== "label") return { groupBy: groupBy.data };
  return { groupBy: "label", labelKey: parseLabelKey(params) };
}

export function parseBreakdownBy(params: URLSearchParams): TCostBreakdownBy {
  const by = ZBy.safeParse(params.get("by") ?? undefined);
  if (!by.success) throw firstIssue(new z.ZodError(by.error.issues.map((i) => ({ ...i, path: ["by"] }))));
  return by.data;
}

const ZTop = z.coerce.number().int().min(1).max(50).default(8);

/** ?top=<1..50>: how many keys of a series keep their own line (default 8); the rest is "Other". */
export function parseTop(params: URLSearchParams): number {
  const top = ZTop.safeParse(params.get("top") ?? undefined);
  if (!top.success) throw firstIssue(new z.ZodError(top.error.issues.map((i) => ({ ...i, path: ["top"] }))));
  return top.data;
}

export function parseLabelKey(params: URLSearchParams, name = "labelKey"): string {
  const key = ZLabelKey.safeParse(params.get(name) ?? "");
  if (!key.success) throw firstIssue(new z.ZodError(key.error.issues.map((i) => ({ ...i, path: [name] }))));
  return key.data;
}
