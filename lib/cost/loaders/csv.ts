import "server-only";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { listBudgets } from "../budgets/queries";
import { getCloudComparison } from "../queries/cloud";
import { getLabelFigures } from "../queries/labels";
import { listTeamCosts } from "../queries/overview";
import { listRightsizing } from "../queries/rightsizing";
import { getServiceCostSeries } from "../queries/service";
import { getCostCurrency } from "../queries/settings";
import { findCostTeam, getTeamCostView } from "../queries/team";
import type { TCostRange } from "../range";
import { parseBreakdownBy, parseLabelKey } from "../request";
import type { TCostScope } from "../scope";

// CSV of every table of the cost pages, one `table` parameter per table, read through the same
// queries and scope as the page. Figures stay unrounded (rounding is for the screen); cells a
// spreadsheet would run as a formula are escaped, since names come from cluster reports.

export const COST_CSV_TABLES = [
  "teams",
  "labels",
  "breakdown",
  "movers",
  "service",
  "rightsizing",
  "budgets",
  "cloud",
] as const;
export type TCostCsvTable = (typeof COST_CSV_TABLES)[number];

const ZTable = z.enum(COST_CSV_TABLES, { error: `table: one of ${COST_CSV_TABLES.join(", ")}` });

type TCell = string | number | null;
type TFigures = { cost: number; previousCost: number | null; change: number | null; efficiency: number | null };

/** The figure columns every cost table ends with (share where the table has one). */
const FIGURE_HEADER = ["cost", "previous_cost", "change", "efficiency"];
const figureCells = (r: TFigures): TCell[] => [r.cost, r.previousCost, r.change, r.efficiency];
type TTableCsv = { name: string; header: string[]; rows: TCell[][] };

/** The table named by ?table=… as CSV, for the scope and range; bad parameters are bad_request naming the field. */
export async function costCsv(
  scope: TCostScope,
  range: TCostRange,
  params: URLSearchParams,
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const table = ZTable.safeParse(params.get("table") ?? "");
  if (!table.success) throw new AppError("bad_request", table.error.issues[0].message, { field: "table" });
  const currency = await getCostCurrency(scope.orgId);
  const csv = await build(table.data, scope, range, params, currency);
  return { filename: `cost-${csv.name}-${range.from}-${range.to}.csv`, stream: toStream(csv) };
}

async function teamOf(scope: TCostScope, params: URLSearchParams) {
  const slug = params.get("team");
  if (!slug) throw new AppError("bad_request", "team: name a team slug or unassigned.", { field: "team" });
  const team = await findCostTeam(scope.orgId, slug);
  return { slug, id: team?.id ?? null };
}

async function build(
  table: TCostCsvTable,
  scope: TCostScope,
  range: TCostRange,
  params: URLSearchParams,
  currency: string,
): Promise<TTableCsv> {
  switch (table) {
    case "teams": {
      const rows = await listTeamCosts(scope, range);
      return {
        name: "teams",
        header: ["team", "bucket", ...FIGURE_HEADER, "share", "currency"],
        rows: rows.map((r) => [r.team?.slug ?? r.key, r.bucket, ...figureCells(r), r.share, currency]),
      };
    }
    case "labels": {
      const key = parseLabelKey(params);
      const { rows } = await getLabelFigures(scope, range, key);
      return {
        name: `label`,
        header: ["label_key", "value", "bucket", ...FIGURE_HEADER, "share", "currency"],
        rows: rows.map((r) => [key, r.value, r.bucket, ...figureCells(r), r.share, currency]),
      };
    }
    case "breakdown": {
      const team = await teamOf(scope, params);
      const by = parseBreakdownBy(params);
      const { breakdown: rows } = await getTeamCostView(scope, team.id, range, by);
      return {
        name: `${team.slug}-${by}`,
        header: [
          by,
          "cluster",
          "namespace",
          "kind",
          "workload",
          "container",
          "service",
          ...FIGURE_HEADER,
          "cpu_core_hours_requested",
          "cpu_core_hours_used",
          "memory_gib_hours_requested",
          "memory_gib_hours_used",
          "currency",
        ],
        rows: rows.map((r) => [
          r.label,
          r.cluster?.slug ?? null,
          r.namespace,
          r.kind,
          r.workload,
          r.container,
          r.service,
          ...figureCells(r),
          r.cpuCoreHoursRequested,
          r.cpuCoreHoursUsed,
          r.memoryGibHoursRequested,
          r.memoryGibHoursUsed,
          currency,
        ]),
      };
    }
    case "movers": {
      const team = await teamOf(scope, params);
      const { movers: rows } = await getTeamCostView(scope, team.id, range, "service", 50);
      return {
        name: `${team.slug}-movers`,
        header: ["service", "cost", "previous_cost", "delta", "change", "currency"],
        rows: rows.map((r) => [r.service, r.cost, r.previousCost, r.delta, r.change, currency]),
      };
    }
    case "service": {
      const team = await teamOf(scope, params);
      const service = params.get("service") ?? "";
      if (!service) throw new AppError("bad_request", "service: name the service.", { field: "service" });
      const days = await getServiceCostSeries(scope, team.id, service, range);
      return {
        name: `${team.slug}-${service}`,
        header: [
          "day",
          "cost",
          "cpu_core_hours_requested",
          "cpu_core_hours_used",
          "memory_gib_hours_requested",
          "memory_gib_hours_used",
          "currency",
        ],
        rows: days.map((d) => [
          d.day,
          d.cost,
          d.cpuCoreHoursRequested,
          d.cpuCoreHoursUsed,
          d.memoryGibHoursRequested,
          d.memoryGibHoursUsed,
          currency,
        ]),
      };
    }
    case "rightsizing": {
      const slug = params.get("team");
      const team = slug ? await teamOf(scope, params) : null;
      if (team && team.id === null)
        throw new AppError("bad_request", "team: rightsizing is per team.", { field: "team" });
      const rows = await listRightsizing(scope, team?.id ? { teamId: team.id } : {});
      return {
        name: team ? `rightsizing-${team.slug}` : "rightsizing",
        header: [
          "cluster",
          "namespace",
          "kind",
          "workload",
          "container",
          "team",
          "replicas",
          "cpu_request_cores",
          "cpu_recommended_cores",
          "memory_request_bytes",
          "memory_recommended_bytes",
          "monthly_saving",
          "currency",
        ],
        rows: rows.map((r) => [
          r.cluster.slug,
          r.namespace,
          r.kind,
          r.workload,
          r.container,
          r.team?.slug ?? null,
          r.replicas,
          r.current.cpuCores,
          r.recommended.cpuCores,
          r.current.memoryBytes,
          r.recommended.memoryBytes,
          r.monthlySaving,
          currency,
        ]),
      };
    }
    case "budgets": {
      const budgets = await listBudgets(scope, { asOf: range.to });
      return {
        name: "budgets",
        header: [
          "budget",
          "scope",
          "team",
          "label_key",
          "value",
          "monthly_amount",
          "month",
          "month_to_date",
          "forecast",
          "spent_ratio",
          "thresholds_crossed",
          "currency",
        ],
        rows: budgets.map((b) => [
          b.name,
          b.scope,
          b.team?.slug ?? null,
          b.labelKey || null,
          b.value || null,
          b.monthlyAmount,
          b.progress.month.monthStart.slice(0, 7),
          b.progress.month.monthToDate,
          b.progress.month.forecast,
          b.progress.actualRatio,
          b.progress.thresholds
            .filter((t) => t.crossed)
            .map((t) => t.key)
            .join(" "),
          currency,
        ]),
      };
    }
    case "cloud": {
      const cloud = await getCloudComparison(scope, range);
      return {
        name: "cloud",
        header: ["cluster", "in_cluster", "allocated", "billed", "reconciled_days", "currency"],
        rows: cloud.clusters.map((c) => [c.slug, c.inCluster, c.allocated, c.billed, c.reconciledDays, currency]),
      };
    }
  }
}

const BATCH = 500;

function toStream(csv: TTableCsv): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let at = -1;
  return new ReadableStream({
    pull(controller) {
      if (at === -1) {
        controller.enqueue(encoder.encode(stringify([csv.header])));
        at = 0;
        return;
      }
      if (at >= csv.rows.length) {
        controller.close();
        return;
      }
      const batch = csv.rows.slice(at, at + BATCH);
      at += BATCH;
      controller.enqueue(encoder.encode(stringify(batch, { escape_formulas: true })));
    },
  });
}
