import { describe, expect, it } from "vitest";
import { sharedFixture } from "@/lib/testing/fixtures";
import { parseCloudCosts } from "./cloudcosts";
import { ReportShapeError } from "./types";

const AWS = sharedFixture<{ ResultSet: { Rows: { Data: { VarCharValue?: string }[] }[] } }>(
  "cloud-costs/aws_standard.json",
);

describe("parseCloudCosts", () => {
  it("sums the AWS CUR fixture per UTC day and service, counting the hours each day covers", () => {
    const rows = parseCloudCosts(AWS);
    const total = AWS.ResultSet.Rows.slice(1).reduce((s, r) => s + Number(r.Data[2].VarCharValue ?? 0), 0);
    expect(rows.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(total, 9);
    expect(total).toBeCloseTo(271.4669098, 6);
    expect(new Set(rows.map((r) => r.service))).toEqual(new Set(["AmazonEC2", "AmazonCloudWatch"]));
    expect(rows.every((r) => r.provider === "aws")).toBe(true);
    // The export starts at 19:00 on the 23rd and ends at 08:00 on the 28th: partial days say so.
    const ec2 = new Map(rows.filter((r) => r.service === "AmazonEC2").map((r) => [r.day, r.hours]));
    expect(ec2.get("2026-01-23")).toBe(5);
    expect(ec2.get("2026-01-25")).toBe(24);
    expect(ec2.get("2026-01-28")).toBe(8);
  });

  it("reads FOCUS rows (Azure, as the plugin uploads them) as whole days", () => {
    const rows = parseCloudCosts([
      {
        ServiceName: "Virtual Machines",
        ChargePeriodStart: "2026-01-21T00:00:00Z",
        ChargePeriodEnd: "2026-01-21T23:59:59Z",
        BilledCost: 2.19,
        SubAccountId: "sub-1",
        ProviderName: "Microsoft Azure",
      },
      {
        ServiceName: "Virtual Machines",
        ChargePeriodStart: "2026-01-21T00:00:00Z",
        ChargePeriodEnd: "2026-01-21T23:59:59Z",
        BilledCost: 0.81,
        SubAccountId: "sub-1",
        ProviderName: "Microsoft Azure",
      },
      {
        ServiceName: "Storage",
        ChargePeriodStart: "2026-01-22T00:00:00Z",
        BilledCost: 0.5,
        SubAccountId: "sub-1",
        ProviderName: "Microsoft Azure",
      },
    ]);
    expect(rows).toEqual([
      {
        day: "2026-01-21",
        provider: "azure",
        account: "sub-1",
        service: "Virtual Machines",
        tagKey: "",
        tagValue: "",
        cost: 3,
        hours: 24,
      },
      {
        day: "2026-01-22",
        provider: "azure",
        account: "sub-1",
        service: "Storage",
        tagKey: "",
        tagValue: "",
        cost: 0.5,
        hours: 24,
      },
    ]);
  });

  it("reads an Azure Cost Management query result", () => {
    const rows = parseCloudCosts({
      properties: {
        columns: [
          { name: "Cost" },
          { name: "UsageQuantity" },
          { name: "UsageDate" },
          { name: "ServiceName" },
          { name: "ResourceId" },
          { name: "Currency" },
        ],
        rows: [[2.19, 15, 20260121, "Virtual Machines", "/subscriptions/abc/resourcegroups/x", "USD"]],
      },
    });
    expect(rows).toEqual([
      {
        day: "2026-01-21",
        provider: "azure",
        account: "abc",
        service: "Virtual Machines",
        tagKey: "",
        tagValue: "",
        cost: 2.19,
        hours: 24,
      },
    ]);
  });

  it("rejects other shapes with a 422-worthy error", () => {
    expect(() => parseCloudCosts({ hello: 1 })).toThrow(ReportShapeError);
    expect(() => parseCloudCosts({ ResultSet: { Rows: [{ Data: [{ VarCharValue: "x" }] }] } })).toThrow(/columns/);
    expect(() => parseCloudCosts([{ ServiceName: "x", ChargePeriodStart: "soon" }])).toThrow(/ChargePeriodStart/);
  });
});
