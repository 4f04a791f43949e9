import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "./errors";
import { parseManifests } from "./parse-manifests";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("parseManifests", () => {
  it("reads every document of a YAML stream with the line it starts on, skipping empty documents", () => {
    const manifests = parseManifests(fixture("multi-doc.yaml"), "multi-doc.yaml", "yaml");
    expect(manifests.map((m) => [m.kind, m.namespace, m.name, m.line])).toEqual([
      ["ConfigMap", "shop", "shop-config", 3],
      ["Ingress", "shop", "shop", 13],
      ["Pod", "shop", "debug", 22],
    ]);
  });

  it("reads the items of a JSON kind: List at their own lines", () => {
    const manifests = parseManifests(fixture("list.json"), "list.json", "json");
    expect(manifests.map((m) => [m.kind, m.name, m.line])).toEqual([
      ["ConfigMap", "settings", 5],
      ["DaemonSet", "log-shipper", 11],
    ]);
  });

  it("reads the elements of a top-level array", () => {
    const text =
      '[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}},\n {"apiVersion":"v1","kind":"Secret","metadata":{"name":"b","namespace":"x"}}]';
    expect(parseManifests(text, "a.json", "json").map((m) => [m.kind, m.namespace, m.line])).toEqual([
      ["ConfigMap", "", 1],
      ["Secret", "x", 2],
    ]);
  });

  it("locates a check's path at the key it names, or at its deepest part present in the file", () => {
    const [deployment] = parseManifests(fixture("bad-deployment.yaml"), "bad.yaml", "yaml");
    const lines = fixture("bad-deployment.yaml").split("\n");
    const privileged = deployment.lineOf("spec.template.spec.containers[0].securityContext.privileged");
    expect(lines[privileged - 1].trim()).toBe("privileged: true");
    expect(lines[deployment.lineOf("spec.template.spec.containers[0].image") - 1]).toContain("payments:latest");
    // No such field: the container itself, the place to add it.
    expect(lines[deployment.lineOf("spec.template.spec.containers[0].startupProbe") - 1].trim()).toBe("- name: web");
    expect(deployment.lineOf("no.such[3].path")).toBe(deployment.line);
  });

  it("skips YAML that is not a Kubernetes object (Helm values, Chart.yaml)", () => {
    const text = "replicaCount: 2\n---\napiVersion: v2\nname: shop\n---\n- a\n- b\n";
    expect(parseManifests(text, "values.yaml", "yaml")).toEqual([]);
  });

  it("decodes YAML 1.1 scalars as the Kubernetes API does: yes is true", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: yes\n  containers: []\n";
    const [pod] = parseManifests(text, "pod.yaml", "yaml");
    expect((pod.object.spec as { hostNetwork: unknown }).hostNetwork).toBe(true);
  });

  it("names the file, line and column of a syntax error, as a usage error (exit 2)", () => {
    let error: unknown;
    try {
      parseManifests(fixture("invalid/broken.yaml"), "lib/cli/fixtures/invalid/broken.yaml", "yaml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(/^lib\/cli\/fixtures\/invalid\/broken\.yaml:11:\d+: invalid YAML: /);
    expect(() => parseManifests('{"kind": "Pod",\n "apiVersion": "v1"', "pod.json", "json")).toThrow(
      /^pod\.json:2:\d+: invalid JSON: /,
    );
  });
});
