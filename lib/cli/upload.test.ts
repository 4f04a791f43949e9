import { describe, expect, it } from "vitest";
import type { TReport, TReportObject } from "./run-checks";
import { buildUpload, MAX_UPLOAD_RESULTS } from "./upload";

function object(index: number, blocking: boolean, severity: "critical" | "low"): TReportObject {
  return {
    file: "big.yaml",
    line: index + 1,
    apiVersion: "v1",
    kind: "Pod",
    namespace: "ns",
    name: `pod-${index}`,
    results: [
      {
        checkId: "hostNetworkSet",
        severity,
        category: "security",
        title: "Host network",
        failures: [
          { path: "spec.hostNetwork", line: index + 1, message: "The pod shares the node's network namespace." },
        ],
        exempted: false,
        blocking,
      },
      // Passing and exempted checks are never uploaded.
      {
        checkId: "hostPIDSet",
        severity,
        category: "security",
        title: "Host PID",
        failures: [],
        exempted: false,
        blocking: false,
      },
      {
        checkId: "hostIPCSet",
        severity,
        category: "security",
        title: "Host IPC",
        failures: [{ path: "spec.hostIPC", line: 1, message: "Shares IPC." }],
        exempted: true,
        exemptionNote: "Resolved in Bumpers",
        blocking: false,
      },
    ],
  };
}

const scm = { repository: "acme/shop", branch: "main", commit: "c".repeat(40) };

describe("buildUpload", () => {
  it("sends failing, not exempted checks only", () => {
    const report: TReport = {
      objects: [object(0, false, "low")],
      checks: [],
      summary: { objects: 1, failing: 1, blocking: 0, exempted: 1 },
    };
    const { upload, total } = buildUpload(report, scm);
    expect(total).toBe(1);
    expect(upload).toMatchObject({ ...scm, results: [{ checkId: "hostNetworkSet", name: "pod-0", line: 1 }] });
  });

  it("leaves out checks the server did not list, and keeps messages within the server's bounds", () => {
    const long = object(0, false, "low");
    long.results[0].failures = Array.from({ length: 60 }, () => ({ path: "spec", line: 1, message: "x".repeat(1500) }));
    const report: TReport = {
      objects: [long, object(1, false, "low")],
      checks: [],
      summary: { objects: 2, failing: 2, blocking: 0, exempted: 2 },
    };
    const { upload, unknownToServer } = buildUpload(report, scm, new Set(["hostNetworkSet"]));
    expect(unknownToServer).toBe(0);
    expect(upload.results[0].messages).toHaveLength(50);
    expect(upload.results[0].messages[0]).toHaveLength(1000);
    const older = buildUpload(report, scm, new Set(["runAsPrivileged"]));
    expect(older.unknownToServer).toBe(2);
    expect(older.upload.results).toEqual([]);
  });

  it(`keeps at most ${MAX_UPLOAD_RESULTS} results, blocking and most severe first`, () => {
    const objects = Array.from({ length: MAX_UPLOAD_RESULTS + 10 }, (_, i) =>
      i >= MAX_UPLOAD_RESULTS + 5 ? object(i, true, "critical") : object(i, false, "low"),
    );
    const report: TReport = {
      objects,
      checks: [],
      summary: { objects: objects.length, failing: objects.length, blocking: 5, exempted: 0 },
    };
    const { upload, total } = buildUpload(report, scm);
    expect(total).toBe(MAX_UPLOAD_RESULTS + 10);
    expect(upload.results).toHaveLength(MAX_UPLOAD_RESULTS);
    expect(upload.results.slice(0, 5).every((r) => r.blocking && r.severity === "critical")).toBe(true);
    expect(upload.results[5].name).toBe("pod-0");
  });
});
