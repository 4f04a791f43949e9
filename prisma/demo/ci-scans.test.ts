import { describe, expect, it } from "vitest";
import type { TCiPolicy } from "@/lib/ci/policy-for-ci";
import { ZScanUpload } from "@/lib/ci/schemas";
import { BUILT_IN_CHECKS } from "@/lib/policies/checks";
import { DEMO_CI_SCANS, scanResultsOf } from "./ci-scans";

/** The demo org's settings for a Payments repository (prisma/demo/policies.ts). */
const PAYMENTS_POLICY: TCiPolicy = {
  passive: false,
  team: null,
  resolutions: [],
  exemptions: [],
  checks: BUILT_IN_CHECKS.map((c) => ({
    id: c.id,
    enabled: c.id !== "topologySpreadConstraint",
    severity: c.id === "readinessProbeMissing" ? "high" : c.defaultSeverity,
    blockAdmission: c.id === "runAsPrivileged",
    blockCi: ["runAsPrivileged", "hostPathSet", "readinessProbeMissing"].includes(c.id),
  })),
};

const resultsOf = (repository: string, branch: string) =>
  DEMO_CI_SCANS.filter((s) => s.repository === repository && s.branch === branch).map((s) =>
    scanResultsOf(s.manifests, PAYMENTS_POLICY),
  );

describe("demo CI scans", () => {
  it("are uploads the server accepts, each with failing checks of the policy engine", () => {
    for (const scan of DEMO_CI_SCANS) {
      const { manifests, hoursAgo: _hoursAgo, ...where } = scan;
      const results = scanResultsOf(manifests, null);
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => !r.blocking)).toBe(true);
      expect(() => ZScanUpload.parse({ ...where, results })).not.toThrow();
    }
  });

  it("apply the policy: disabled checks left out, severities raised, blocking as set", () => {
    const all = DEMO_CI_SCANS.flatMap((s) => scanResultsOf(s.manifests, PAYMENTS_POLICY));
    expect(all.some((r) => r.checkId === "topologySpreadConstraint")).toBe(false);
    expect(
      all.filter((r) => r.checkId === "readinessProbeMissing").every((r) => r.severity === "high" && r.blocking),
    ).toBe(true);
  });

  it("show main getting better over the week and a feature branch that blocks", () => {
    const main = resultsOf("acme/payments-api", "main");
    expect(main.length).toBeGreaterThan(2);
    const sizes = main.map((r) => r.length);
    expect(sizes.slice(1).every((n, i) => n <= sizes[i])).toBe(true);
    expect(sizes.at(-1)).toBeLessThan(sizes[0]);
    expect(main.at(-1)!.some((r) => r.blocking)).toBe(false);
    const [feature] = resultsOf("acme/payments-api", "feature/ledger-v2");
    expect(feature.filter((r) => r.blocking).map((r) => r.checkId)).toContain("runAsPrivileged");
  });
});
