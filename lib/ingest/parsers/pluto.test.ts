import { describe, expect, it } from "vitest";
import { sharedFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { parseKubernetesVersion } from "@/lib/policies/deprecations";
import { evaluateObject } from "@/lib/policies/evaluate";
import { parsePluto } from "./pluto";

const fixture = sharedFixture("pluto/docs-output-example.json");

function item(overrides: Record<string, unknown> = {}, api: Record<string, unknown> = {}) {
  return {
    name: "web",
    namespace: "shop",
    api: {
      version: "extensions/v1beta1",
      kind: "Ingress",
      "deprecated-in": "v1.14.0",
      "removed-in": "v1.22.0",
      "replacement-api": "networking.k8s.io/v1",
      component: "k8s",
      ...api,
    },
    deprecated: true,
    removed: true,
    ...overrides,
  };
}

const shapeErrorPath = (report: unknown) => shapeErrorOf(parsePluto, report).path;

describe("parsePluto on the docs example", () => {
  const { findings, meta } = parsePluto(fixture);

  it("reports the deprecated webhook configuration as a low deprecation finding", () => {
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: "apiVersionDeprecated",
      title: "MutatingWebhookConfiguration uses admissionregistration.k8s.io/v1beta1, deprecated in Kubernetes v1.16.0",
      category: "deprecation",
      severity: 0.25,
      resource: {
        namespace: "cert-manager",
        kind: "MutatingWebhookConfiguration",
        name: "cert-manager/cert-manager-webhook",
        container: "",
      },
      evidence: {
        apiVersion: "admissionregistration.k8s.io/v1beta1",
        kind: "MutatingWebhookConfiguration",
        deprecatedIn: "v1.16.0",
        removedIn: "v1.19.0",
        replacementApi: "admissionregistration.k8s.io/v1",
        removed: false,
        targetVersion: "v1.16.0",
      },
    });
  });

  it("tells the developer what to change and by when", () => {
    const [finding] = findings;
    expect(finding.remediation).toContain("`apiVersion: admissionregistration.k8s.io/v1`");
    expect(finding.description).toContain("deprecated since Kubernetes v1.16.0 and removed as of v1.19.0");
    expect(finding.description).toContain("stops working when the cluster reaches Kubernetes v1.19.0");
  });

  it("uses the check id the policy engine gives the same object at the report's target version", () => {
    const [finding] = findings;
    const { apiVersion, kind, targetVersion } = finding.evidence as Record<string, string>;
    const { results } = evaluateObject(
      { apiVersion, kind, metadata: { name: "cert-manager-webhook" } },
      { targetVersion: parseKubernetesVersion(targetVersion) },
    );
    expect(results.filter((r) => r.failures.length > 0).map((r) => r.checkId)).toEqual([finding.checkId]);
  });

  it("keeps the target versions", () => {
    expect(meta).toEqual({ targetVersions: { "cert-manager": "v0.15.1", istio: "v1.6.0", k8s: "v1.16.0" } });
  });
});

describe("parsePluto edge cases", () => {
  it("rates a removed API medium, as apiVersionRemoved, and names the file it was found in", () => {
    const { findings } = parsePluto({ items: [item({ filePath: "deploy/ingress.yaml" })] });
    expect(findings[0].checkId).toBe("apiVersionRemoved");
    expect(findings[0].severity).toBe(0.5);
    expect(findings[0].title).toBe("Ingress uses extensions/v1beta1, removed in Kubernetes v1.22.0");
    expect(findings[0].remediation).toContain("in deploy/ingress.yaml");
    expect(findings[0].evidence.filePath).toBe("deploy/ingress.yaml");
  });

  it("uses an empty namespace for cluster-scoped objects and names other components", () => {
    const { findings } = parsePluto({
      items: [
        item(
          { name: "policy", namespace: undefined, deprecated: true, removed: false },
          {
            version: "security.istio.io/v1beta1",
            kind: "PeerAuthentication",
            component: "istio",
            "replacement-api": "",
          },
        ),
      ],
    });
    expect(findings[0].resource).toEqual({ namespace: "", kind: "PeerAuthentication", name: "policy", container: "" });
    expect(findings[0].title).toContain("deprecated in istio v1.14.0");
    expect(findings[0].remediation).toContain("has no direct replacement");
  });

  it("gives every deprecated API of a kind one check id, and tells them apart by object, title and evidence", () => {
    const { findings } = parsePluto({
      "target-versions": { k8s: "v1.21.0" },
      items: [
        item({ name: "web", removed: false }),
        item(
          { name: "api", removed: false },
          { version: "networking.k8s.io/v1beta1", "deprecated-in": "v1.19.0", "removed-in": "v1.22.0" },
        ),
      ],
    });
    expect(findings.map((f) => f.checkId)).toEqual(["apiVersionDeprecated", "apiVersionDeprecated"]);
    expect(findings.map((f) => f.title)).toEqual([
      "Ingress uses extensions/v1beta1, deprecated in Kubernetes v1.14.0",
      "Ingress uses networking.k8s.io/v1beta1, deprecated in Kubernetes v1.19.0",
    ]);
    expect(findings[1].evidence).toMatchObject({
      apiVersion: "networking.k8s.io/v1beta1",
      replacementApi: "networking.k8s.io/v1",
      removedIn: "v1.22.0",
      targetVersion: "v1.21.0",
    });
  });

  it("moves an API from apiVersionDeprecated to apiVersionRemoved once the target version removes it", () => {
    const at = (target: string, removed: boolean) =>
      parsePluto({ "target-versions": { k8s: target }, items: [item({ removed })] }).findings[0].checkId;
    expect(at("v1.21.0", false)).toBe("apiVersionDeprecated");
    expect(at("v1.22.0", true)).toBe("apiVersionRemoved");
  });

  it("skips items that are neither deprecated nor removed", () => {
    expect(parsePluto({ items: [item({ deprecated: false, removed: false })] }).findings).toEqual([]);
  });

  it("accepts a report without items, with null items, and with unknown fields", () => {
    expect(parsePluto({}).findings).toEqual([]);
    expect(parsePluto({ items: null, "target-versions": { k8s: "v1.30.0" } }).findings).toEqual([]);
    expect(parsePluto({ items: [item({ customColumns: { x: 1 } })], extra: true }).findings).toHaveLength(1);
  });

  it("names the path of a wrong shape", () => {
    expect(shapeErrorPath("nope")).toBe("(root)");
    expect(shapeErrorPath({ items: {} })).toBe("items");
    expect(shapeErrorPath({ items: [item({ api: undefined })] })).toBe("items[0].api");
    expect(shapeErrorPath({ items: [item({}, { "removed-in": 1.22 })] })).toBe('items[0].api["removed-in"]');
  });
});
