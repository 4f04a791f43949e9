import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg } from "@/lib/testing/factories";
import {
  INSTALLATION_MAX_BYTES,
  INSTALLATION_MAX_CHARS,
  REDACTED,
  latestInstallations,
  summarizeInstallation,
} from "./installation";

const body = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

// What the chart's install-reporter sends: `toPrettyJson (dict "values" <values minus insights> "version" .Chart.Version)`.
const chartReport = {
  values: {
    polaris: { enabled: true, schedule: "rand * * * *" },
    trivy: { enabled: true, maxScansPerRun: 20 },
    "cloud-costs": {
      enabled: true,
      provider: "aws",
      secretName: "cloud-costs",
      awsAccessKeyId: "AKIAEXAMPLE",
      awsSecretAccessKey: "wJalrEXAMPLEKEY",
    },
    global: { proxy: { http: "", https: "" } },
  },
  version: "4.2.1",
};

describe("summarizeInstallation", () => {
  it("reads the chart version and shows the values with credentials masked", () => {
    const info = summarizeInstallation(body(chartReport));
    expect(info.chartVersion).toBe("4.2.1");
    expect(info.truncated).toBe(false);
    const values = JSON.parse(info.valuesJson!);
    expect(values.polaris).toEqual({ enabled: true, schedule: "rand * * * *" });
    expect(values["cloud-costs"]).toEqual({
      enabled: true,
      provider: "aws",
      secretName: "cloud-costs",
      awsAccessKeyId: REDACTED,
      awsSecretAccessKey: REDACTED,
    });
    expect(info.valuesJson).not.toContain("wJalrEXAMPLEKEY");
  });

  it("masks an older chart's token wherever it sits", () => {
    const info = summarizeInstallation(
      body({ values: { insights: { base64token: "c2VjcmV0", tokenSecretName: "agent-token" } }, version: "2.0.0" }),
    );
    expect(JSON.parse(info.valuesJson!).insights).toEqual({ base64token: REDACTED, tokenSecretName: "agent-token" });
  });

  it("masks secrets by value shape as well as by key, at any depth (issue 16)", () => {
    const info = summarizeInstallation(
      body({
        values: {
          trivy: { extraEnv: [{ name: "REGISTRY_PASSWORD", value: "correct-horse-battery" }] },
          opencost: { prometheus: { url: "https://reader:pr0m-pass@prometheus:9090" } },
          credentials: { list: ["first-secret", "second-secret"], nested: { deeper: "third-secret" } },
          reporter: { args: ["--token", "bmp_cl_AAAAbbbbCCCCdddd0123456789xyzXYZ"] },
        },
        version: "4.2.1",
      }),
    );
    for (const secret of ["correct-horse-battery", "pr0m-pass", "first-secret", "third-secret", "bmp_cl_"]) {
      expect(info.valuesJson).not.toContain(secret);
    }
    expect(JSON.parse(info.valuesJson!).opencost.prometheus.url).toBe(`https://reader:${REDACTED}@prometheus:9090`);
  });

  it("shows other shapes whole and never throws", () => {
    expect(summarizeInstallation(body([1, 2]))).toEqual({
      chartVersion: null,
      valuesJson: "[\n  1,\n  2\n]",
      truncated: false,
    });
    expect(summarizeInstallation(body({ version: 3 })).chartVersion).toBeNull();
    expect(summarizeInstallation(body({ chart: "x" })).valuesJson).toBe('{\n  "chart": "x"\n}');
    expect(summarizeInstallation(body("not json"))).toEqual({ chartVersion: null, valuesJson: null, truncated: false });
    expect(summarizeInstallation(null)).toEqual({ chartVersion: null, valuesJson: null, truncated: false });
    expect(summarizeInstallation(body({ version: "1.0.0".padEnd(500, "0") })).chartVersion).toHaveLength(100);
  });

  it("cuts long values off at the display cap", () => {
    const values = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`key${i}`, "value ".repeat(4)]));
    const info = summarizeInstallation(body({ values, version: "4.0.0" }));
    expect(info.truncated).toBe(true);
    expect(info.valuesJson).toHaveLength(INSTALLATION_MAX_CHARS);
  });
});

describe("latestInstallations", () => {
  async function insert(cluster: { orgId: string; id: string }, content: Buffer, receivedAt: string) {
    await pool.query(
      `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, received_at)
       VALUES ($1, $2, 'installation', md5(random()::text), $3, $4, $5)`,
      [cluster.orgId, cluster.id, content, content.length, receivedAt],
    );
  }

  it("reads each cluster's latest installation report of the org only, and skips oversized bodies", async () => {
    const org = await createTestOrg();
    const prod = await createTestCluster(org.id);
    const big = await createTestCluster(org.id);
    await insert(prod, body({ values: {}, version: "4.1.0" }), "2026-03-01T00:00:00Z");
    await insert(prod, body({ values: {}, version: "4.2.1" }), "2026-03-02T00:00:00Z");
    await insert(
      big,
      Buffer.from(`{"version":"9.9.9","pad":"${"x".repeat(INSTALLATION_MAX_BYTES)}"}`),
      "2026-03-02T00:00:00Z",
    );
    const stranger = await createTestCluster((await createTestOrg()).id);
    await insert(stranger, body({ values: {}, version: "1.0.0" }), "2026-03-03T00:00:00Z");

    const installations = await latestInstallations(org.id);
    expect([...installations.keys()].sort()).toEqual([prod.id, big.id].sort());
    expect(installations.get(prod.id)).toMatchObject({ chartVersion: "4.2.1", valuesJson: "{}" });
    expect(installations.get(prod.id)!.receivedAt.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(installations.get(big.id)).toMatchObject({ chartVersion: null, valuesJson: null });
  });
});
