import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_DEPRECATIONS, checkApiVersion, deprecationOf, parseKubernetesVersion } from "./deprecations";

function minor(version: string): number {
  const parsed = parseKubernetesVersion(version);
  if (!parsed) throw new Error(`unparseable ${version}`);
  return parsed.minor;
}

describe("parseKubernetesVersion", () => {
  it.each([
    ["v1.27.3", { major: 1, minor: 27 }],
    ["1.27", { major: 1, minor: 27 }],
    ["v1.27", { major: 1, minor: 27 }],
    ["1.27.0", { major: 1, minor: 27 }],
    ["v1.27.3-eks-4f4795d", { major: 1, minor: 27 }],
    ["v1.28.2+k3s1", { major: 1, minor: 28 }],
    ["v1.30.1-gke.1329003", { major: 1, minor: 30 }],
    [" v1.9.0 ", { major: 1, minor: 9 }],
    ["1.100", { major: 1, minor: 100 }],
  ])("parses %j", (input, expected) => {
    expect(parseKubernetesVersion(input)).toEqual(expected);
  });

  it.each(["", "v", "1", "v1", "latest", "1.x", "v1.27.3.4", "1.27-", "vv1.27", "1..27", "-1.27"])(
    "rejects %j",
    (input) => {
      expect(parseKubernetesVersion(input)).toBeNull();
    },
  );
});

describe("deprecation table", () => {
  it("has one entry per apiVersion + kind, with parseable, ordered versions", () => {
    const keys = API_DEPRECATIONS.map((d) => `${d.apiVersion} ${d.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of API_DEPRECATIONS) {
      const removed = minor(d.removedIn);
      if (d.deprecatedIn) expect(minor(d.deprecatedIn)).toBeLessThan(removed);
      if (d.replacementAvailableIn) expect(d.replacement).not.toBeNull();
      expect(d.migration.length).toBeGreaterThan(10);
    }
  });

  it("never points at a replacement that is itself removed for the same kind", () => {
    for (const d of API_DEPRECATIONS) {
      if (d.replacement === null) {
        // Only PodSecurityPolicy was dropped without a successor.
        expect(d.kind).toBe("PodSecurityPolicy");
        continue;
      }
      expect(d.replacement).not.toBe(d.apiVersion);
      expect(deprecationOf(d.replacement, d.kind), `${d.apiVersion} ${d.kind}`).toBeNull();
    }
  });

  it("covers the removals of each release in the migration guide", () => {
    const removedIn = (release: string) =>
      API_DEPRECATIONS.filter((d) => d.removedIn === release).map((d) => `${d.apiVersion} ${d.kind}`);
    expect(removedIn("1.16")).toEqual(
      expect.arrayContaining([
        "extensions/v1beta1 Deployment",
        "apps/v1beta2 DaemonSet",
        "extensions/v1beta1 NetworkPolicy",
      ]),
    );
    expect(removedIn("1.22")).toEqual(
      expect.arrayContaining([
        "networking.k8s.io/v1beta1 Ingress",
        "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
        "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
        "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
      ]),
    );
    expect(removedIn("1.25")).toEqual(
      expect.arrayContaining([
        "policy/v1beta1 PodSecurityPolicy",
        "batch/v1beta1 CronJob",
        "policy/v1beta1 PodDisruptionBudget",
        "discovery.k8s.io/v1beta1 EndpointSlice",
        "autoscaling/v2beta1 HorizontalPodAutoscaler",
      ]),
    );
    expect(removedIn("1.26")).toEqual(
      expect.arrayContaining([
        "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
        "autoscaling/v2beta2 HorizontalPodAutoscaler",
      ]),
    );
    expect(removedIn("1.27")).toEqual(["storage.k8s.io/v1beta1 CSIStorageCapacity"]);
    expect(removedIn("1.29")).toEqual([
      "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration",
    ]);
    expect(removedIn("1.32")).toEqual([
      "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration",
    ]);
  });

  it("looks entries up by exact apiVersion and kind", () => {
    expect(deprecationOf("extensions/v1beta1", "Deployment")).toMatchObject({
      removedIn: "1.16",
      replacement: "apps/v1",
    });
    expect(deprecationOf(" batch/v1beta1 ", "CronJob")?.replacement).toBe("batch/v1");
    expect(deprecationOf("apps/v1", "Deployment")).toBeNull();
    expect(deprecationOf("batch/v1beta1", "Job")).toBeNull();
    expect(deprecationOf("extensions/v1beta1", "deployment")).toBeNull();
  });
});

describe("checkApiVersion", () => {
  it("is ok before deprecation, deprecated until removal and removed from removedIn on, for every entry", () => {
    for (const d of API_DEPRECATIONS) {
      const removed = minor(d.removedIn);
      expect(checkApiVersion(d.apiVersion, d.kind, `1.${removed}`).status).toBe("removed");
      expect(checkApiVersion(d.apiVersion, d.kind, `v1.${removed + 5}.0`).status).toBe("removed");
      expect(checkApiVersion(d.apiVersion, d.kind, `1.${removed - 1}`).status).toBe("deprecated");
      if (d.deprecatedIn) {
        const deprecated = minor(d.deprecatedIn);
        expect(checkApiVersion(d.apiVersion, d.kind, `1.${deprecated}`).status).toBe("deprecated");
        expect(checkApiVersion(d.apiVersion, d.kind, `1.${deprecated - 1}`).status).toBe("ok");
      }
    }
  });

  it("says a removed API blocks the upgrade and names the replacement and what changes", () => {
    const result = checkApiVersion("policy/v1beta1", "PodDisruptionBudget", "v1.27.3-eks-4f4795d");
    expect(result).toMatchObject({
      status: "removed",
      deprecatedIn: "1.21",
      removedIn: "1.25",
      replacement: "policy/v1",
    });
    expect(result.message).toContain("blocks upgrade to 1.25");
    expect(result.message).toContain("target 1.27");
    expect(result.message).toContain("Change apiVersion to policy/v1.");
    expect(result.message).toContain("empty spec.selector");
  });

  it("warns about a deprecated API before its removal release", () => {
    const result = checkApiVersion("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.30");
    expect(result.status).toBe("deprecated");
    expect(result.message).toContain("deprecated since Kubernetes 1.29");
    expect(result.message).toContain("blocks upgrade to 1.32");
    expect(result.replacement).toBe("flowcontrol.apiserver.k8s.io/v1");
  });

  it("treats an unknown deprecation release as deprecated until removal", () => {
    const result = checkApiVersion("extensions/v1beta1", "ReplicaSet", "1.10");
    expect(result.status).toBe("deprecated");
    expect(result.message).not.toContain("since");
  });

  it("says when there is no replacement", () => {
    const result = checkApiVersion("policy/v1beta1", "PodSecurityPolicy", "1.25");
    expect(result).toMatchObject({ status: "removed", replacement: null });
    expect(result.message).toContain("There is no replacement API version.");
    expect(result.message).toContain("Pod Security Admission");
  });

  it("is ok with no message for current APIs and accepts a parsed target", () => {
    expect(checkApiVersion("apps/v1", "Deployment", { major: 1, minor: 31 })).toEqual({
      status: "ok",
      deprecatedIn: null,
      removedIn: null,
      replacement: null,
      message: "",
    });
  });

  it("rejects an unparseable target version", () => {
    expect(() => checkApiVersion("apps/v1", "Deployment", "latest")).toThrow("Invalid Kubernetes version: latest");
  });
});

describe("agreement with Pluto fixtures", () => {
  const fixtures = path.resolve(process.cwd(), "../shared/fixtures/pluto");

  it("matches the versions Pluto prints in its helm e2e test", () => {
    const spec = readFileSync(path.join(fixtures, "e2e-helm-detect-3.yaml"), "utf8");
    const line = spec.split("\n").find((l) => l.includes("ShouldEqual {"));
    expect(line).toBeDefined();
    const json = JSON.parse(line!.slice(line!.indexOf("{"))) as {
      items: { api: Record<string, string> }[];
      "target-versions": Record<string, string>;
    };
    expect(json.items.length).toBeGreaterThan(0);
    for (const { api } of json.items) {
      const entry = deprecationOf(api.version!, api.kind!);
      expect(entry, `${api.version} ${api.kind}`).not.toBeNull();
      expect(parseKubernetesVersion(entry!.removedIn)).toEqual(parseKubernetesVersion(api["removed-in"]!));
      expect(parseKubernetesVersion(entry!.deprecatedIn!)).toEqual(parseKubernetesVersion(api["deprecated-in"]!));
      expect(entry!.replacement).toBe(api["replacement-api"]);
      expect(parseKubernetesVersion(entry!.replacementAvailableIn!)).toEqual(
        parseKubernetesVersion(api["replacement-available-in"]!),
      );
    }
    // Pluto reports removed=true at its target k8s v1.16.0; so must we.
    expect(checkApiVersion("extensions/v1beta1", "Deployment", json["target-versions"].k8s!).status).toBe("removed");
    // The venom table rows: removed at 1.16.0, deprecated-only at 1.15.0.
    expect(spec).toContain("Deployment   extensions/v1beta1   apps/v1       false     true");
    expect(checkApiVersion("extensions/v1beta1", "Deployment", "v1.15.0").status).toBe("deprecated");
  });

  it("matches the docs example except its stale removal release for v1beta1 webhooks", () => {
    const report = JSON.parse(readFileSync(path.join(fixtures, "docs-output-example.json"), "utf8")) as {
      items: { api: Record<string, string>; deprecated: boolean; removed: boolean }[];
    };
    const [item] = report.items;
    const entry = deprecationOf(item!.api.version!, item!.api.kind!);
    expect(entry).not.toBeNull();
    expect(parseKubernetesVersion(entry!.deprecatedIn!)).toEqual(parseKubernetesVersion(item!.api["deprecated-in"]!));
    expect(entry!.replacement).toBe(item!.api["replacement-api"]);
    // This docs excerpt predates the 1.22 removal; Pluto's versions.yaml and the Kubernetes guide
    // both say admissionregistration.k8s.io/v1beta1 was removed in v1.22.0, not v1.19.0.
    expect(item!.api["removed-in"]).toBe("v1.19.0");
    expect(entry!.removedIn).toBe("1.22");
    // Its status at the report's target (v1.16.0) agrees either way.
    expect(item!.deprecated).toBe(true);
    expect(item!.removed).toBe(false);
    expect(checkApiVersion(item!.api.version!, item!.api.kind!, "v1.16.0").status).toBe("deprecated");
  });
});
