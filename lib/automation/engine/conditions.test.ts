import { beforeAll, describe, expect, it } from "vitest";
import { polarisReport } from "@/lib/alerting/test-helpers";
import { SEVERITY_RANK, type TSeverityLevel } from "@/lib/domain/severity";
import { createTestCluster } from "@/lib/testing/factories";
import type { TConditionInput } from "../schemas";
import { ZAutomationRuleInput } from "../schemas";
import { createEngineWorld, ingestOk, openFindings, PRIV, runInTransaction, type TFindingRow } from "./engine-testing";

// Every condition field on real ingested data (a workloads inventory with labels, a Polaris audit,
// a Trivy report whose images run in labelled workloads), matching and not, negated, with
// wildcards. Each case is a dry run of one tagging rule: the findings it would tag are the ones
// the condition matches.

let world: Awaited<ReturnType<typeof createEngineWorld>>;
let findings: TFindingRow[];
let prodIds: Set<string>;
let reopenedId: string;

beforeAll(async () => {
  world = await createEngineWorld({ clusterSlug: "staging-eu" });
  // A second cluster, no inventory: checkout there has no labels. Its finding comes back once.
  const prod = await createTestCluster(world.t.org.id, { slug: "prod-us" });
  const checkout = [{ namespace: "shop-api", name: "checkout" }];
  await ingestOk(world.t.org.id, prod.id, "polaris", polarisReport(checkout, [PRIV]));
  await ingestOk(world.t.org.id, prod.id, "polaris", polarisReport(checkout, []));
  await ingestOk(world.t.org.id, prod.id, "polaris", polarisReport(checkout, [PRIV]));
  findings = await openFindings(world.t.org.id);
  const prodRows = findings.filter((f) => f.reopened_count > 0);
  expect(prodRows).toHaveLength(1);
  reopenedId = prodRows[0]!.id;
  prodIds = new Set([reopenedId]);
}, 120_000);

/** The ids a rule with just this condition would tag (a dry run over every open finding). */
async function matching(condition: TConditionInput, now = new Date()): Promise<string[]> {
  const draft = ZAutomationRuleInput.parse({ name: "probe", conditions: [condition], actions: { addTags: ["hit"] } });
  const rule = { ...draft, id: crypto.randomUUID(), orgId: world.t.org.id, teamId: null, position: 1 };
  const result = await runInTransaction(
    { orgId: world.t.org.id, trigger: "apply", now },
    { kind: "ids", ids: findings.map((f) => f.id) },
    { rules: [rule], dryRun: true },
  );
  expect(result.candidates).toBe(findings.length);
  return [...result.changedIds].sort();
}

const ids = (predicate: (f: TFindingRow) => boolean) =>
  findings
    .filter(predicate)
    .map((f) => f.id)
    .sort();
const not = (predicate: (f: TFindingRow) => boolean) => (f: TFindingRow) => !predicate(f);

const isCurl = (f: TFindingRow) => f.image === "docker.io/curlimages/curl:7.79.1";
const isCoredns = (f: TFindingRow) => f.image === "k8s.gcr.io/coredns/coredns:v1.8.0";
const isPolaris = (f: TFindingRow) => f.source === "polaris";
const inProd = (f: TFindingRow) => prodIds.has(f.id);
const packages = (f: TFindingRow) => (f.evidence.packages ?? []) as Array<{ name: string; fixed: string }>;

async function expectBoth(condition: TConditionInput, predicate: (f: TFindingRow) => boolean) {
  const expected = ids(predicate);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(findings.length);
  expect(await matching(condition)).toEqual(expected);
  expect(await matching({ ...condition, negate: true } as TConditionInput)).toEqual(ids(not(predicate)));
}

describe("conditions on ingested findings", () => {
  it("has the world the cases assume", () => {
    expect(findings.filter(isCurl).length).toBeGreaterThan(5);
    expect(findings.filter(isCoredns).length).toBeGreaterThan(5);
    expect(findings.filter(isPolaris)).toHaveLength(7);
  });

  it("cluster: globs over slugs", async () => {
    await expectBoth({ field: "cluster", values: ["prod-*"] }, inProd);
    await expectBoth({ field: "cluster", values: ["staging-eu", "nowhere"] }, not(inProd));
    expect(await matching({ field: "cluster", values: ["Staging-*"] })).toEqual([]);
  });

  it("namespace: the finding's, or for an image any workload running it", async () => {
    await expectBoth(
      { field: "namespace", values: ["kube-*"] },
      (f) => (isPolaris(f) && f.namespace === "kube-system") || isCoredns(f),
    );
    await expectBoth({ field: "namespace", values: ["insights-agent"] }, isCurl);
  });

  it("workload kind and name, through the workloads running an image", async () => {
    await expectBoth({ field: "workload_kind", values: ["Job"] }, isCurl);
    await expectBoth({ field: "workload_kind", values: ["Deploy*"] }, (f) => isPolaris(f) || isCoredns(f));
    await expectBoth({ field: "workload_name", values: ["check*", "*-server"] }, (f) =>
      ["checkout", "metrics-server"].includes(f.name),
    );
    await expectBoth({ field: "workload_name", values: ["coredns"] }, (f) => f.name === "coredns" || isCoredns(f));
  });

  it("resource labels: key, key=value, wildcards on either side", async () => {
    // Only staging-eu took an inventory: prod-us's checkout has no labels.
    await expectBoth(
      { field: "resource_label", values: ["tier=back*"] },
      (f) => f.name === "checkout" && !inProd(f),
    );
    await expectBoth({ field: "resource_label", values: ["k8s-app"] }, (f) =>
      isCoredns(f) || (isPolaris(f) && f.namespace === "kube-system"),
    );
    await expectBoth({ field: "resource_label", values: ["*=system"] }, (f) => isCoredns(f) || f.name === "coredns");
    expect(await matching({ field: "resource_label", values: ["tier=System"] })).toEqual([]);
  });

  it("namespace labels, through the workloads running an image", async () => {
    await expectBoth({ field: "namespace_label", values: ["env=staging"] }, (f) => f.namespace === "shop-api" && !inProd(f));
    await expectBoth(
      { field: "namespace_label", values: ["owner=shop"] },
      (f) => f.namespace.startsWith("shop-") && !inProd(f),
    );
    await expectBoth(
      { field: "namespace_label", values: ["pod-security.kubernetes.io/*=privileged"] },
      (f) => (isPolaris(f) && f.namespace === "kube-system") || isCoredns(f),
    );
    await expectBoth({ field: "namespace_label", values: ["kubernetes.io/metadata.name=insights-*"] }, isCurl);
  });

  it("source, check (id or source/id), category", async () => {
    await expectBoth({ field: "source", values: ["trivy"] }, (f) => f.source === "trivy");
    await expectBoth({ field: "check", values: ["privilege*"] }, (f) => f.check_id === "privilegeEscalationAllowed");
    await expectBoth({ field: "check", values: ["polaris/cpu*"] }, (f) => f.check_id === "cpuRequestsMissing");
    await expectBoth({ field: "check", values: ["trivy/CVE-2021-*"] }, (f) => f.check_id.startsWith("CVE-2021-"));
    await expectBoth({ field: "category", values: ["efficiency"] }, (f) => f.check_id === "cpuRequestsMissing");
  });

  it("severity at least / at most, by rank", async () => {
    const rank = (f: TFindingRow) => SEVERITY_RANK[f.severity as TSeverityLevel];
    await expectBoth({ field: "severity", op: "at_least", value: "high" }, (f) => rank(f) >= SEVERITY_RANK.high);
    await expectBoth({ field: "severity", op: "at_most", value: "medium" }, (f) => rank(f) <= SEVERITY_RANK.medium);
  });

  it("title contains, case-insensitively, wildcards taken literally", async () => {
    const title = (f: TFindingRow) => f.title;
    await expectBoth({ field: "title", values: ["SHOULD BE"] }, (f) => title(f).toLowerCase().includes("should be"));
    expect(await matching({ field: "title", values: ["%"] })).toEqual(ids((f) => title(f).includes("%")));
  });

  it("image repository and tag (the tag defaults to latest; non-image findings never match)", async () => {
    await expectBoth({ field: "image_repository", values: ["docker.io/curlimages/curl"] }, isCurl);
    await expectBoth({ field: "image_repository", values: ["*/coredns"] }, isCoredns);
    await expectBoth({ field: "image_tag", values: ["7.79.*"] }, isCurl);
    await expectBoth({ field: "image_tag", values: ["v1.8.0", "latest"] }, isCoredns);
  });

  it("CVE, package and fix available, from the evidence", async () => {
    await expectBoth({ field: "cve", values: ["CVE-2022-*"] }, (f) => f.vulnerability_id.startsWith("CVE-2022-"));
    await expectBoth({ field: "package", values: ["busy*"] }, (f) => packages(f).some((p) => p.name.startsWith("busy")));
    const fixable = (f: TFindingRow) => packages(f).some((p) => !!p.fixed);
    await expectBoth({ field: "fix_available", value: true }, fixable);
    await expectBoth({ field: "fix_available", value: false }, not(fixable));
  });

  it("team (the owning team)", async () => {
    await expectBoth({ field: "team", values: [world.shop.id] }, (f) => f.owner_team_id === world.shop.id);
  });

  it("lifecycle new / reopened", async () => {
    await expectBoth({ field: "lifecycle", values: ["reopened"] }, (f) => f.id === reopenedId);
    await expectBoth({ field: "lifecycle", values: ["new"] }, (f) => f.id !== reopenedId);
    expect(await matching({ field: "lifecycle", values: ["new", "reopened"] })).toHaveLength(findings.length);
  });

  it("age in days, from first seen", async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    expect(await matching({ field: "age_days", op: "at_least", value: 9 }, inTenDays)).toHaveLength(findings.length);
    expect(await matching({ field: "age_days", op: "at_least", value: 11 }, inTenDays)).toEqual([]);
    expect(await matching({ field: "age_days", op: "at_most", value: 10 }, inTenDays)).toHaveLength(findings.length);
    expect(await matching({ field: "age_days", op: "at_most", value: 9 }, inTenDays)).toEqual([]);
    expect(await matching({ field: "age_days", op: "at_least", value: 11, negate: true }, inTenDays)).toHaveLength(
      findings.length,
    );
  });

  it("all conditions must hold", async () => {
    const draft = [
      { field: "source", values: ["polaris"] },
      { field: "namespace", values: ["shop-*"] },
      { field: "category", values: ["security"] },
    ] as const;
    const expected = ids((f) => isPolaris(f) && f.namespace.startsWith("shop-") && f.check_id === "privilegeEscalationAllowed");
    const rule = ZAutomationRuleInput.parse({ name: "all", conditions: draft, actions: { addTags: ["hit"] } });
    const result = await runInTransaction(
      { orgId: world.t.org.id, trigger: "apply" },
      { kind: "ids", ids: findings.map((f) => f.id) },
      { rules: [{ ...rule, id: crypto.randomUUID(), orgId: world.t.org.id, teamId: null, position: 1 }], dryRun: true },
    );
    expect([...result.changedIds].sort()).toEqual(expected);
  });
});
