import { describe, expect, it } from "vitest";
import { parseReport } from "@/lib/ingest/process/parse-report";
import { DEMO_CLUSTERS } from "./inventory";
import { PHASES } from "./phases";
import { demoReports } from "./reports";

describe("demoReports", () => {
  const now = new Date("2026-11-25T09:30:00Z");

  it("writes the same bytes for the same phase and time, so the demo looks the same every time", () => {
    for (const cluster of DEMO_CLUSTERS) {
      for (const phase of PHASES) {
        const once = demoReports(cluster, phase, now).map((r) => r.body.toString("base64"));
        const twice = demoReports(cluster, phase, now).map((r) => r.body.toString("base64"));
        expect(twice).toEqual(once);
      }
    }
  });

  it("writes reports the parsers read, and a new body whenever a type is uploaded again", () => {
    for (const cluster of DEMO_CLUSTERS) {
      const seen = new Map<string, Set<string>>();
      for (const phase of PHASES) {
        for (const report of demoReports(cluster, phase, now)) {
          expect(() => parseReport(report.type, JSON.parse(report.body.toString("utf8")))).not.toThrow();
          const bodies = seen.get(report.type) ?? new Set<string>();
          // The same bytes again would be an idempotent retry, not a new report.
          expect(bodies.has(report.body.toString("utf8"))).toBe(false);
          bodies.add(report.body.toString("utf8"));
          seen.set(report.type, bodies);
        }
      }
    }
  });
});
