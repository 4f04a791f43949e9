import { describe, expect, it } from "vitest";
import { sharedFixture } from "@/lib/testing/fixtures";
import { parseOpenCost } from "./opencost";
import { ReportShapeError } from "./types";

const FIXTURE = sharedFixture<{ data: Record<string, Record<string, unknown>>[] }>(
  "opencost/allocation-example-output.json",
);

describe("parseOpenCost", () => {
  it("splits each allocation of the fixture over the UTC days of its window, in proportion to time", () => {
    const { rows, allocations } = parseOpenCost(FIXTURE);
    expect(allocations).toBe(3);
    const kube = rows.filter((r) => r.namespace === "kube-system");
    expect(kube.map((r) => r.day)).toEqual([
      "2023-07-12",
      "2023-07-13",
      "2023-07-14",
      "2023-07-15",
      "2023-07-16",
      "2023-07-17",
      "2023-07-18",
      "2023-07-19",
    ]);
    const sum = (key: "totalCost" | "cpuCost" | "memoryCost" | "minutes") => kube.reduce((s, r) => s + r[key], 0);
    expect(sum("totalCost")).toBeCloseTo(1.52743, 12);
    expect(sum("cpuCost")).toBeCloseTo(1.43086, 12);
    expect(sum("memoryCost")).toBeCloseTo(0.09657, 12);
    // 11:02:46 → midnight is the first day's share; a whole day is 1440 minutes.
    expect(kube[0].minutes).toBeCloseTo(12 * 60 + 57 + 14 / 60, 6);
    expect(kube[3].minutes).toBe(1440);
    expect(kube[3].totalCost).toBeCloseTo(
      (1.52743 * 1440) / ((Date.parse("2023-07-19T11:02:00Z") - Date.parse("2023-07-12T11:02:46Z")) / 60000),
      12,
    );
    // Requested core-hours: the request average × hours (0.44979 cores over the window).
    expect(kube.reduce((s, r) => s + r.cpuCoreHoursRequested, 0)).toBeCloseTo(0.44979 * (10079.2333 / 60), 2);
  });

  it("maps properties to the row: namespace-level, controller with its Kubernetes kind, labels", () => {
    const { rows } = parseOpenCost(FIXTURE);
    const ns = rows.find((r) => r.namespace === "kube-system");
    expect(ns).toMatchObject({ allocation: "workload", kind: "Namespace", workload: "kube-system", container: "" });
    const oc = rows.find((r) => r.namespace === "opencost");
    expect(oc).toMatchObject({ kind: "Deployment", workload: "opencost", cluster: "default-cluster" });
    expect(oc?.labels).toMatchObject({ name: "opencost" });
  });

  it("keeps __idle__ and __unallocated__ (also as the last segment of an aggregated name) as their own rows", () => {
    const base = Object.values(FIXTURE.data[0])[0];
    const { rows } = parseOpenCost({
      code: 200,
      data: [
        {
          "cluster-one/__idle__": { ...base, name: "cluster-one/__idle__" },
          __unallocated__: { ...base, name: "__unallocated__", properties: {} },
        },
      ],
    });
    expect(new Set(rows.map((r) => `${r.allocation}:${r.namespace}:${r.workload}`))).toEqual(
      new Set(["idle:__idle__:__idle__", "unallocated:__unallocated__:__unallocated__"]),
    );
    // Idle has no usage, so it does not count in efficiency.
    expect(rows.filter((r) => r.allocation === "idle").every((r) => r.requestedCost === 0)).toBe(true);
  });

  it("computes efficiency terms from the allocation's implied prices", () => {
    const { rows } = parseOpenCost(FIXTURE);
    const kube = rows.filter((r) => r.namespace === "kube-system");
    const used = kube.reduce((s, r) => s + r.usedCost, 0);
    const requested = kube.reduce((s, r) => s + r.requestedCost, 0);
    // Mostly idle CPU: OpenCost says cpuEfficiency 0.02 and ramEfficiency 0.93 for kube-system.
    expect(used / requested).toBeGreaterThan(0.05);
    expect(used / requested).toBeLessThan(0.2);
  });

  it("rejects what is not an allocation response, naming the path", () => {
    expect(() => parseOpenCost({ code: 200, data: [{ x: { start: "nope", end: "2023-01-01T00:00:00Z" } }] })).toThrow(
      ReportShapeError,
    );
    expect(() => parseOpenCost({ items: [] })).toThrow(/data/);
    expect(() => parseOpenCost({ code: 500, data: null })).toThrow(/500/);
    expect(parseOpenCost({ code: 200, data: [] }).rows).toEqual([]);
  });
});
