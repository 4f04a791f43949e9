import { beforeAll, describe, expect, it } from "vitest";
import * as configurationRoute from "@/app/v0/organizations/[org]/clusters/[cluster]/data/admission/configuration/route";
import * as submitRoute from "@/app/v0/organizations/[org]/clusters/[cluster]/data/admission/submit/route";
import { createCluster } from "@/lib/clusters/create-cluster";
import { PRIVILEGED_CONTAINER, deploymentWithContainer, goodDeployment } from "@/lib/policies/test-manifests";
import type { TKubeObject } from "@/lib/policies/types";
import { setPolicyMode } from "@/lib/policies/update-settings";
import { db } from "@/lib/server/db";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import type { TInsightsAdmissionAnswer } from "./insights-admission";
import { blockCheck, orgAccessOf } from "@/lib/testing/access";

// The Fairwinds insights-admission controller's two calls, with bodies shaped as it builds them:
// one multipart file per report (`metadata.json` holds the AdmissionRequest and the namespace's
// metadata), Bearer cluster token, org and cluster in the path.

let uid = 0;
function metadataReport(object: TKubeObject, overrides: Record<string, unknown> = {}) {
  const { name, namespace } = object.metadata as { name: string; namespace: string };
  return {
    uid: `ctrl-${++uid}`,
    kind: { group: "apps", version: "v1", kind: "Deployment" },
    resource: { group: "apps", version: "v1", resource: "deployments" },
    requestKind: { group: "apps", version: "v1", kind: "Deployment" },
    name,
    namespace,
    operation: "CREATE",
    userInfo: { username: "system:serviceaccount:argocd:argocd-application-controller" },
    object,
    oldObject: null,
    dryRun: false,
    options: { apiVersion: "meta.k8s.io/v1", kind: "CreateOptions" },
    namespaceMetadata: { kind: "Namespace", apiVersion: "v1", metadata: { labels: { team: "shop" } } },
    ...overrides,
  };
}

function named(object: TKubeObject, name: string): TKubeObject {
  return { ...object, metadata: { ...(object.metadata as object), name, namespace: "shop" } };
}

async function submit(t: { org: string; cluster: string; token: string }, reports: Record<string, unknown>) {
  const form = new FormData();
  for (const [report, contents] of Object.entries(reports)) {
    form.append(report, new Blob([JSON.stringify(contents)], { type: "application/octet-stream" }), `${report}.json`);
  }
  const encoded = new Response(form);
  const req = new Request(`http://bumpers.test/v0/organizations/${t.org}/clusters/${t.cluster}/data/admission/submit`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${t.token}`,
      "content-type": encoded.headers.get("content-type")!,
      "x-fairwinds-admission-version": "1.18.0",
      "x-fairwinds-report-version-metadata": "0.2.0",
    },
    body: await encoded.arrayBuffer(),
  });
  return submitRoute.POST(req, { params: Promise.resolve({ org: t.org, cluster: t.cluster }) });
}

async function setup() {
  const tenant = await createTestTenant();
  const actor = actorFor(tenant.users.admin);
  const cluster = await createCluster(tenant.org.id, actor, { slug: "eks-prod", name: "EKS prod" });
  const other = await createTestTenant();
  const otherActor = actorFor(other.users.admin);
  const foreign = await createCluster(other.org.id, otherActor, { slug: "eks-prod", name: "EKS prod" });
  const admin = await orgAccessOf(tenant.users.admin, tenant.org.slug);
  await blockCheck(admin, "runAsPrivileged", { admission: true });
  return {
    tenant,
    admin,
    target: { org: tenant.org.slug, cluster: "eks-prod", token: cluster.token },
    foreignToken: foreign.token,
  };
}

describe("the Fairwinds insights-admission controller, unchanged", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  });

  it("gets a configuration that runs none of its own tools", async () => {
    const req = new Request(
      `http://bumpers.test/v0/organizations/${s.target.org}/clusters/eks-prod/data/admission/configuration?includeRegoV1=true`,
      { headers: { authorization: `Bearer ${s.target.token}` } },
    );
    const res = await configurationRoute.GET(req, {
      params: Promise.resolve({ org: s.target.org, cluster: "eks-prod" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      Reports: { Polaris: false, Pluto: false, OPA: false },
      OPA: { CustomChecks: [], CustomCheckInstances: [] },
      Polaris: null,
    });
  });

  it("denies a blocking check with a failing action item naming the fix, and records the decision", async () => {
    const object = named(deploymentWithContainer(PRIVILEGED_CONTAINER), "payments-api");
    const res = await submit(s.target, { metadata: metadataReport(object), polaris: { Results: [] } });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as TInsightsAdmissionAnswer;
    expect(answer.Success).toBe(false);
    expect(answer.ActionItems[0]).toMatchObject({ Failure: true });
    expect(answer.ActionItems[0].Title).toMatch(/^runAsPrivileged \(.+\): .+ Fix: /);
    expect(answer.ActionItems.slice(1).every((item) => !item.Failure && item.Title.startsWith("[bumpers] "))).toBe(
      true,
    );
    const decision = await db.admissionDecision.findFirstOrThrow({
      where: { orgId: s.tenant.org.id, name: "payments-api" },
    });
    expect(decision).toMatchObject({
      outcome: "denied",
      blocking: ["runAsPrivileged"],
      username: "system:serviceaccount:argocd:argocd-application-controller",
    });
    const findings = await db.finding.count({
      where: { orgId: s.tenant.org.id, source: "admission", name: "payments-api" },
    });
    expect(findings).toBeGreaterThan(0);
  });

  it("allows with warnings (non-failing items), passes a good object silently, and records no dry run", async () => {
    const warned = (await (
      await submit(s.target, {
        metadata: metadataReport(named(deploymentWithContainer({ livenessProbe: undefined }), "web")),
      })
    ).json()) as TInsightsAdmissionAnswer;
    expect(warned.Success).toBe(true);
    expect(warned.ActionItems).toEqual([
      { Title: expect.stringMatching(/^\[bumpers\] medium livenessProbeMissing: /), Failure: false },
    ]);
    const good = (await (
      await submit(s.target, { metadata: metadataReport(named(goodDeployment(), "good")) })
    ).json()) as TInsightsAdmissionAnswer;
    expect(good).toEqual({ Success: true, ActionItems: [], Message: "" });

    const dry = await submit(s.target, {
      metadata: metadataReport(named(deploymentWithContainer(PRIVILEGED_CONTAINER), "dry-run"), { dryRun: true }),
    });
    expect(((await dry.json()) as TInsightsAdmissionAnswer).Success).toBe(false);
    expect(await db.admissionDecision.count({ where: { orgId: s.tenant.org.id, name: "dry-run" } })).toBe(0);
  });

  it("in passive mode succeeds, with 'would deny' as a warning", async () => {
    await setPolicyMode(s.admin, { passive: true });
    try {
      const answer = (await (
        await submit(s.target, {
          metadata: metadataReport(named(deploymentWithContainer(PRIVILEGED_CONTAINER), "passive")),
        })
      ).json()) as TInsightsAdmissionAnswer;
      expect(answer.Success).toBe(true);
      expect(answer.ActionItems[0]).toEqual({
        Title: expect.stringMatching(/^\[bumpers\] would deny runAsPrivileged: /),
        Failure: false,
      });
    } finally {
      await setPolicyMode(s.admin, { passive: false });
    }
  });

  it("allows with a message when an old controller sends no metadata, and refuses bad bodies with 400", async () => {
    const old = (await (await submit(s.target, { polaris: { Results: [] } })).json()) as TInsightsAdmissionAnswer;
    expect(old.Success).toBe(true);
    expect(old.Message).toMatch(/upgrade the insights-admission chart/);
    const wrong = await submit(s.target, { metadata: { uid: "x" } });
    expect(wrong.status).toBe(400);
    const notMultipart = await submitRoute.POST(
      new Request(`http://bumpers.test/v0/organizations/${s.target.org}/clusters/eks-prod/data/admission/submit`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.target.token}`, "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({ org: s.target.org, cluster: "eks-prod" }) },
    );
    expect(notMultipart.status).toBe(400);
  });

  it("denies, never answers 500, when the image, label, container name and username hold a NUL (issue 16)", async () => {
    const object = named(
      deploymentWithContainer({ ...PRIVILEGED_CONTAINER, name: "web\u0000", image: "nginx\u0000:1.25" }),
      "nul\u0000-api",
    );
    (object.metadata as Record<string, unknown>).labels = { "team\u0000": "shop\u0000" };
    const metadata = metadataReport(object, { userInfo: { username: "dev\u0000@acme.test\ud800" } });
    const res = await submit(s.target, { metadata });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as TInsightsAdmissionAnswer;
    expect(answer.Success).toBe(false);
    expect(answer.ActionItems[0].Title).toMatch(/^runAsPrivileged /);
    const decision = await db.admissionDecision.findFirstOrThrow({
      where: { orgId: s.tenant.org.id, name: "nul-api" },
    });
    expect(decision).toMatchObject({ outcome: "denied", username: "dev@acme.test\uFFFD" });
  });

  it("answers 403 to a token of another org's cluster of the same slug, and 401 without a token", async () => {
    const object = named(deploymentWithContainer(PRIVILEGED_CONTAINER), "x");
    expect((await submit({ ...s.target, token: s.foreignToken }, { metadata: metadataReport(object) })).status).toBe(
      403,
    );
    expect((await submit({ ...s.target, token: "" }, { metadata: metadataReport(object) })).status).toBe(401);
  });
});
