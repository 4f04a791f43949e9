import { z } from "zod";
import { formatReportPath, parseReportShape } from "./report-shape";
import { ReportShapeError } from "./types";

// What the insights-agent's cloud-costs plugin uploads as `cloudcosts` (FairwindsOps/insights-plugins
// plugins/cloud-costs), in the three shapes it has produced:
// - AWS: the Athena query result over the Cost and Usage Report, `{ResultSet: {Rows: [{Data:
//   [{VarCharValue}]}]}}`, first row = column names (line_item_product_code, identity_time_interval
//   "start/end" per hour, cost, optional line_item_usage_account_id and tag columns);
// - FOCUS rows (Azure and GCP, test-output/cloudcosts_azure.json): `[{ServiceName, ChargePeriodStart,
//   ChargePeriodEnd, BilledCost, SubAccountId, ProviderName, Tags?}]`;
// - Azure Cost Management query results: `{properties: {columns: [{name}], rows: [[…]]}}` with
//   Cost, UsageDate (yyyymmdd), ServiceName, ResourceId.
// Everything becomes billed cost per UTC day, provider, account, service (and tag, when the rows
// carry one), with how many hours of the day the bill covers.

export type TCloudCostRow = {
  day: string;
  provider: "aws" | "azure" | "gcp";
  account: string;
  service: string;
  tagKey: string;
  tagValue: string;
  cost: number;
  /** Distinct hours of the day covered (24 for a daily row). */
  hours: number;
};

const ZAthena = z.object({
  ResultSet: z.object({
    Rows: z.array(z.object({ Data: z.array(z.object({ VarCharValue: z.string().nullish() })) })),
  }),
});

const ZFocusRow = z.object({
  ServiceName: z.string().nullish(),
  ChargePeriodStart: z.string(),
  BilledCost: z.number().nullish(),
  EffectiveCost: z.number().nullish(),
  SubAccountId: z.string().nullish(),
  BillingAccountId: z.string().nullish(),
  ProviderName: z.string().nullish(),
  Tags: z.record(z.string(), z.unknown()).nullish(),
});

const ZAzureQuery = z.object({
  properties: z.object({
    columns: z.array(z.object({ name: z.string() })),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  }),
});

type TKey = Omit<TCloudCostRow, "cost" | "hours">;

class Accumulator {
  private readonly rows = new Map<string, TCloudCostRow & { hourSet: Set<string> | null }>();

  add(key: TKey, cost: number, hour: string | null) {
    const id = [key.day, key.provider, key.account, key.service, key.tagKey, key.tagValue].join("\u0000");
    let row = this.rows.get(id);
    if (!row) {
      row = { ...key, cost: 0, hours: 24, hourSet: hour === null ? null : new Set() };
      this.rows.set(id, row);
    }
    row.cost += cost;
    if (hour !== null) row.hourSet?.add(hour);
  }

  result(): TCloudCostRow[] {
    return [...this.rows.values()].map(({ hourSet, ...row }) => ({
      ...row,
      hours: hourSet ? Math.min(24, hourSet.size) : 24,
    }));
  }
}

function dayOf(value: string, path: PropertyKey[]): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ReportShapeError(formatReportPath(path), "not a date-time");
  return new Date(t).toISOString().slice(0, 10);
}

function parseAthena(report: z.output<typeof ZAthena>): TCloudCostRow[] {
  const [header, ...rows] = report.ResultSet.Rows;
  const names = (header?.Data ?? []).map((d) => d.VarCharValue ?? "");
  const col = (name: string) => names.indexOf(name);
  const product = col("line_item_product_code");
  const interval = col("identity_time_interval");
  const cost = col("cost");
  if (product < 0 || interval < 0 || cost < 0) {
    throw new ReportShapeError(
      "ResultSet.Rows[0]",
      "expected columns line_item_product_code, identity_time_interval and cost",
    );
  }
  const account = col("line_item_usage_account_id");
  const tagKey = col("tagkey");
  const tagValue = col("tagvalue");
  const acc = new Accumulator();
  rows.forEach((row, i) => {
    const cell = (index: number) => (index >= 0 ? (row.Data[index]?.VarCharValue ?? "") : "");
    const period = cell(interval);
    const start = period.split("/")[0];
    const path = ["ResultSet", "Rows", i + 1, "Data", interval];
    const amount = Number(cell(cost) || 0);
    if (!Number.isFinite(amount))
      throw new ReportShapeError(formatReportPath(["ResultSet", "Rows", i + 1, "Data", cost]), "not a number");
    acc.add(
      {
        day: dayOf(start, path),
        provider: "aws",
        account: cell(account),
        service: cell(product),
        tagKey: cell(tagKey),
        tagValue: cell(tagValue),
      },
      amount,
      start,
    );
  });
  return acc.result();
}

function providerOf(name: string | null | undefined): TCloudCostRow["provider"] {
  const n = (name ?? "").toLowerCase();
  if (n.includes("google") || n.includes("gcp")) return "gcp";
  if (n.includes("amazon") || n.includes("aws")) return "aws";
  return "azure";
}

function parseFocus(rows: z.output<typeof ZFocusRow>[]): TCloudCostRow[] {
  const acc = new Accumulator();
  rows.forEach((r, i) => {
    const tags = Object.entries(r.Tags ?? {});
    const [tagKey, tagValue] = tags.length === 1 ? [tags[0][0], String(tags[0][1])] : ["", ""];
    acc.add(
      {
        day: dayOf(r.ChargePeriodStart, [i, "ChargePeriodStart"]),
        provider: providerOf(r.ProviderName),
        account: r.SubAccountId ?? r.BillingAccountId ?? "",
        service: r.ServiceName ?? "",
        tagKey,
        tagValue,
      },
      r.BilledCost ?? r.EffectiveCost ?? 0,
      null,
    );
  });
  return acc.result();
}

function parseAzureQuery(report: z.output<typeof ZAzureQuery>): TCloudCostRow[] {
  const names = report.properties.columns.map((c) => c.name.toLowerCase());
  const cost = names.findIndex((n) => n === "cost" || n === "pretaxcost" || n === "costusd");
  const date = names.indexOf("usagedate");
  const service = names.indexOf("servicename");
  const resource = names.indexOf("resourceid");
  if (cost < 0 || date < 0) throw new ReportShapeError("properties.columns", "expected Cost and UsageDate columns");
  const acc = new Accumulator();
  report.properties.rows.forEach((row, i) => {
    const d = String(row[date] ?? "");
    if (!/^\d{8}$/.test(d))
      throw new ReportShapeError(formatReportPath(["properties", "rows", i, date]), "not a yyyymmdd date");
    const subscription = /\/subscriptions\/([^/]+)/i.exec(String(row[resource] ?? ""))?.[1] ?? "";
    acc.add(
      {
        day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
        provider: "azure",
        account: subscription,
        service: service >= 0 ? String(row[service] ?? "") : "",
        tagKey: "",
        tagValue: "",
      },
      Number(row[cost] ?? 0) || 0,
      null,
    );
  });
  return acc.result();
}

/** Billed cost per day from a cloudcosts upload; throws ReportShapeError (422) for another shape. */
export function parseCloudCosts(report: unknown): TCloudCostRow[] {
  if (Array.isArray(report)) return parseFocus(parseReportShape(z.array(ZFocusRow), report));
  if (report && typeof report === "object" && "ResultSet" in report)
    return parseAthena(parseReportShape(ZAthena, report));
  if (report && typeof report === "object" && "properties" in report) {
    return parseAzureQuery(parseReportShape(ZAzureQuery, report));
  }
  throw new ReportShapeError(
    "(root)",
    "expected an AWS Athena result (ResultSet), FOCUS rows (an array) or an Azure cost query (properties)",
  );
}
