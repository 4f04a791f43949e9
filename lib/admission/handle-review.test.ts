import { beforeAll, describe, expect, it } from "vitest";
import * as admissionRoute from "@/app/api/v1/admission/[cluster]/route";
import { createCluster } from "@/lib/clusters/create-cluster";
import { resolveFindings } from "@/lib/findings/triage";
import { orgTokenTriageContext } from "@/lib/findings/triage-context";
import { PRIVILEGED_CONTAINER, deploymentWithContainer, goodDeployment } from "@/lib/policies/test-manifests";
import { setPolicyMode, updateTeamCheckSetting } from "@/lib/policies/update-settings";
import type { TKubeObject } from "@/lib/policies/types";
import { db } from "@/lib/server/db";
import { actorFor, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { blockCheck, orgAccessOf, teamAccessOf } from "@/lib/testing/access";

// The webhook end to end against a real database: org settings decide what blocks, a team can only
// tighten them, passive mode never denies, annotations / exemption rules / resolutions exempt, and
// every non-dry-run review is logged and kept as admission findings.

type TReviewBody = {
  response: { uid: string; allowed: boolean; status?: { code: number; message: string }; warnings?: string[] };
};

let uidCounter = 0;

function review(object: TKubeObject, overrides: Record<string, unknown> = {}) {
  const metadata = object.metadata as { name: string; namespace: string };
  return {
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: `uid-${++uidCounter}`,
      kind: { group: "apps", version: "v1", kind: object.kind },
      resource: { group: "apps", version: "v1", resource: "deployments" },
      namespace: metadata.namespace,
      name: metadata.name,
      operation: "CREATE",
      object,
      dryRun: false,
      userInfo: { username: "dev@acme.test" },
      ...overrides,
    },
  };
}

/** A Deployment named `name` in namespace `namespace`, with container overrides. */
function deployment(namespace: string, name: string, container: Record<string, unknown> = {}): TKubeObject {
  const object = Object.keys(container).length ? deploymentWithContainer(container) : goodDeployment();
  return { ...object, metadata: { ...(object.metadata as object), name, namespace } };
}

async function post(cluster: string, token: string, body: unknown): Promise<TReviewBody> {
  const req = new Request(`http://bumpers.test/api/v1/admission/${cluster}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const res = await admissionRoute.POST(req, { params: Promise.resolve({ cluster }) });
  expect(res.status).toBe(200);
  return (await res.json()) as TReviewBody;
}

async function setup() {
  const tenant = await createTestTenant();
  // The team owns namespace "payments" in every cluster; "shop" belongs to nobody.
  await db.team.update({
    where: { id: tenant.team.id },
    data: {
      scopeRules: [{ effect: "include", cluster: "*", namespace: "payments", kind: "*", name: "*", labels: {} }],
    },
  });
  const actor = actorFor(tenant.users.admin);
  const cluster = await createCluster(tenant.org.id, actor, { slug: "prod", name: "Prod" });
  const orgAdmin = await orgAccessOf(tenant.users.admin, tenant.org.slug);
  const teamAdmin = await teamAccessOf(tenant.users.teamAdmin, tenant.org.slug, tenant.team.slug);
  return { tenant, cluster, orgAdmin, teamAdmin, token: cluster.token };
}

describe("admission webhook with org policy settings", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
    await blockCheck(s.orgAdmin, "runAsPrivileged", { admission: true });
  });

  const decisions = (name: string) =>
    db.admissionDecision.findMany({ where: { orgId: s.tenant.org.id, name }, orderBy: { id: "asc" } });
  const admissionFindings = (name: string) =>
    db.finding.findMany({ where: { orgId: s.tenant.org.id, source: "admission", name }, orderBy: { checkId: "asc" } });

  it("allows a good Deployment and logs it as allowed, with no findings", async () => {
    const body = await post("prod", s.token, review(deployment("shop", "good")));
    expect(body.response).toEqual({ uid: expect.any(String), allowed: true });
    expect((await decisions("good")).map((d) => d.outcome)).toEqual(["allowed"]);
    expect(await admissionFindings("good")).toEqual([]);
  });

  it("warns on failing checks the org does not block, and records them as admission findings", async () => {
    const body = await post("prod", s.token, review(deployment("shop", "warned", { livenessProbe: undefined })));
    expect(body.response.allowed).toBe(true);
    expect(body.response.warnings?.join("\n")).toContain("livenessProbeMissing");
    const [decision] = await decisions("warned");
    expect(decision).toMatchObject({ outcome: "warned", warned: ["livenessProbeMissing"], blocking: [] });
    const findings = await admissionFindings("warned");
    expect(findings.map((f) => [f.checkId, f.status, f.kind, f.namespace])).toEqual([
      ["livenessProbeMissing", "open", "Deployment", "shop"],
    ]);
  });

  it("denies a check the org blocks, names it with its fix, and keeps one finding per check across retries", async () => {
    const object = deployment("shop", "denied", PRIVILEGED_CONTAINER);
    const first = await post("prod", s.token, review(object));
    expect(first.response.allowed).toBe(false);
    expect(first.response.status?.code).toBe(403);
    expect(first.response.status?.message).toMatch(/runAsPrivileged \(.+\): .+ Fix: /);
    // The non-blocking failure still reaches kubectl as a warning.
    expect(first.response.warnings?.join("\n")).toContain("privilegeEscalationAllowed");
    await post("prod", s.token, review(object));
    expect((await decisions("denied")).map((d) => d.outcome)).toEqual(["denied", "denied"]);
    const findings = await admissionFindings("denied");
    expect(findings.map((f) => [f.checkId, f.status])).toEqual([
      ["privilegeEscalationAllowed", "open"],
      ["runAsPrivileged", "open"],
    ]);
    expect(findings.find((f) => f.checkId === "runAsPrivileged")?.severity).toBe("critical");
  });

  it("fixes an object's admission findings when a later review no longer has them, and reopens on regression", async () => {
    await post("prod", s.token, review(deployment("shop", "fixme", PRIVILEGED_CONTAINER)));
    await post("prod", s.token, review(deployment("shop", "fixme"), { operation: "UPDATE" }));
    let findings = await admissionFindings("fixme");
    expect(findings.every((f) => f.status === "fixed" && f.fixedAt !== null)).toBe(true);
    await post("prod", s.token, review(deployment("shop", "fixme", PRIVILEGED_CONTAINER), { operation: "UPDATE" }));
    findings = await admissionFindings("fixme");
    expect(findings.map((f) => [f.status, f.reopenedCount])).toEqual([
      ["open", 1],
      ["open", 1],
    ]);
    const events = await db.findingEvent.findMany({
      where: { findingId: findings[1].id },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    });
    expect(events.map((e) => e.kind)).toEqual(["opened", "fixed", "reopened"]);
  });

  it("evaluates dry runs with the same answer but records nothing", async () => {
    const body = await post("prod", s.token, review(deployment("shop", "dry", PRIVILEGED_CONTAINER), { dryRun: true }));
    expect(body.response.allowed).toBe(false);
    expect(await decisions("dry")).toEqual([]);
    expect(await admissionFindings("dry")).toEqual([]);
  });

  it("does not block what the object is exempted from by annotation with a reason, and logs the exemption", async () => {
    const object = deployment("shop", "annotated", PRIVILEGED_CONTAINER);
    (object.metadata as Record<string, unknown>).annotations = {
      "bumpers.io/exempt": "runAsPrivileged",
      "bumpers.io/exempt-reason": "CNI plugin needs it",
    };
    const body = await post("prod", s.token, review(object));
    expect(body.response.allowed).toBe(true);
    const [decision] = await decisions("annotated");
    expect(decision.exempted).toEqual(["runAsPrivileged"]);
    expect((await admissionFindings("annotated")).map((f) => f.checkId)).not.toContain("runAsPrivileged");
  });

  it("lets a resolution made in the app exempt the object's check in admission", async () => {
    await post("prod", s.token, review(deployment("shop", "resolved", PRIVILEGED_CONTAINER)));
    const finding = (await admissionFindings("resolved")).find((f) => f.checkId === "runAsPrivileged")!;
    const ctx = orgTokenTriageContext(s.tenant.org.id, { label: "security team" });
    await resolveFindings(ctx, [finding.id], { resolution: "will_not_fix", reason: "Node agent, reviewed" });
    const body = await post(
      "prod",
      s.token,
      review(deployment("shop", "resolved", PRIVILEGED_CONTAINER), { operation: "UPDATE" }),
    );
    expect(body.response.allowed).toBe(true);
    const last = (await decisions("resolved")).at(-1)!;
    expect(last).toMatchObject({ outcome: "warned", exempted: ["runAsPrivileged"] });
  });

  it("lets a team block a check for its own objects only (stricter than the org), and refuses a looser severity", async () => {
    await updateTeamCheckSetting(s.teamAdmin, {
      checkId: "livenessProbeMissing",
      enabled: true,
      severity: "high",
      blockAdmission: true,
      blockCi: false,
    });
    const mine = await post("prod", s.token, review(deployment("payments", "api", { livenessProbe: undefined })));
    expect(mine.response.allowed).toBe(false);
    expect(mine.response.status?.message).toContain("livenessProbeMissing");
    const [decision] = await decisions("api");
    expect(decision).toMatchObject({ teamId: s.tenant.team.id, outcome: "denied", blocking: ["livenessProbeMissing"] });
    const [finding] = await admissionFindings("api");
    expect(finding).toMatchObject({ severity: "high", ownerTeamId: s.tenant.team.id });

    const theirs = await post("prod", s.token, review(deployment("shop", "other", { livenessProbe: undefined })));
    expect(theirs.response.allowed).toBe(true);

    await expect(
      updateTeamCheckSetting(s.teamAdmin, {
        checkId: "runAsPrivileged",
        enabled: true,
        severity: "low",
        blockAdmission: false,
        blockCi: false,
      }),
    ).rejects.toThrow(/org sets this check to critical/);
  });

  it("honours an exemption rule scoped by namespace and team", async () => {
    await db.policyExemption.create({
      data: {
        orgId: s.tenant.org.id,
        teamId: s.tenant.team.id,
        checkIds: ["runAsPrivileged"],
        namespace: "payments",
        reason: "Legacy payment agent, replaced in Q1",
      },
    });
    const exempted = await post("prod", s.token, review(deployment("payments", "agent", PRIVILEGED_CONTAINER)));
    expect(exempted.response.allowed).toBe(true);
    const elsewhere = await post("prod", s.token, review(deployment("shop", "agent", PRIVILEGED_CONTAINER)));
    expect(elsewhere.response.allowed).toBe(false);
  });

  it("records the Pods a controller made in the log but not as findings (their controller has them)", async () => {
    const pod: TKubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "shop-7d4b9-x2k1",
        namespace: "shop",
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "ReplicaSet", name: "shop-7d4b9", uid: "u", controller: true },
        ],
      },
      spec: { containers: [{ name: "web", image: "nginx" }] },
    };
    await post("prod", s.token, review(pod));
    expect(await decisions("shop-7d4b9-x2k1")).toHaveLength(1);
    expect(await admissionFindings("shop-7d4b9-x2k1")).toEqual([]);
  });

  it("runs the deprecation checks against the cluster's Kubernetes version", async () => {
    await db.cluster.update({ where: { id: s.cluster.cluster.id }, data: { kubernetesVersion: "v1.29.4" } });
    const old: TKubeObject = {
      ...deployment("shop", "legacy-ingress"),
      apiVersion: "extensions/v1beta1",
      kind: "Ingress",
    };
    const body = await post("prod", s.token, review(old));
    expect(body.response.warnings?.join("\n")).toContain("apiVersionRemoved");
  });

  it("in passive mode never denies: it warns 'would deny' and logs the would-be denial", async () => {
    await setPolicyMode(s.orgAdmin, { passive: true });
    try {
      const body = await post("prod", s.token, review(deployment("shop", "passive", PRIVILEGED_CONTAINER)));
      expect(body.response.allowed).toBe(true);
      expect(body.response.warnings?.[0]).toMatch(/would deny runAsPrivileged/);
      const [decision] = await decisions("passive");
      expect(decision).toMatchObject({ outcome: "warned", passive: true, blocking: ["runAsPrivileged"] });
    } finally {
      await setPolicyMode(s.orgAdmin, { passive: false });
    }
  });

  it("keeps another org's settings out: its blocking check does not block here", async () => {
    const other = await createTestTenant();
    await blockCheck(await orgAccessOf(other.users.admin, other.org.slug), "readinessProbeMissing", {
      admission: true,
    });
    const body = await post("prod", s.token, review(deployment("shop", "isolated", { readinessProbe: undefined })));
    expect(body.response.allowed).toBe(true);
    await createTestTeam(other.org.id);
  });
});
