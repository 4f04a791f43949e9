import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { deploymentRequest } from "@/lib/admission/test-requests";
import { deploymentWithContainer, goodDeployment } from "@/lib/policies/test-manifests";
import { createAgentTenantWithStrangers } from "@/lib/testing/agent-tenant";
import { errorOf } from "@/lib/testing/http";
import { dirtsArbitrary, dirtyBytes, dirtyStrings } from "@/lib/testing/mutate-json";
import { db } from "@/lib/server/db";
import * as admissionRoute from "./admission/[cluster]/route";

const BASE = "http://bumpers.test";
const UID = "705ab4f5-6393-11e8-b7cc-42010a800002";

type TSetup = Awaited<ReturnType<typeof setup>>;

async function setup() {
  // "prod" in another org: the token is answered for its own cluster, never for this org's.
  const { main, sibling, orgToken, foreign } = await createAgentTenantWithStrangers(["edge", "prod"]);
  return { main, sibling, orgToken, foreign: foreign[0], twin: foreign[1] };
}

function review(object: Record<string, unknown>) {
  return {
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: { ...deploymentRequest(object, { uid: UID }), dryRun: false },
  };
}

function post(cluster: string, token: string | null, body: string, bytes?: Buffer) {
  const req = new Request(`${BASE}/api/v1/admission/${cluster}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes ? new Uint8Array(bytes) : body,
  });
  return admissionRoute.POST(req, { params: Promise.resolve({ cluster }) });
}

describe("POST /api/v1/admission/{cluster}", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("answers an AdmissionReview for the cluster's own token: allowed for a good Deployment", async () => {
    const res = await post("prod", s.main.token, JSON.stringify(review(goodDeployment())));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      apiVersion: "admission.k8s.io/v1",
      kind: "AdmissionReview",
      response: { uid: UID, allowed: true },
    });
  });

  it("warns by default on a privileged container: blocking is the org's choice (lib/admission/handle-review.test.ts)", async () => {
    const object = deploymentWithContainer({ securityContext: { privileged: true } });
    const res = await post("prod", s.main.token, JSON.stringify(review(object)));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: { uid: string; allowed: boolean; warnings: string[] } };
    expect(body.response).toMatchObject({ uid: UID, allowed: true });
    expect(body.response.warnings.join("\n")).toContain("runAsPrivileged");
  });

  it("reviews a same-slug cluster of another org as that org's own cluster (the token picks the tenant)", async () => {
    const res = await post("prod", s.twin.token, JSON.stringify(review(goodDeployment())));
    expect(res.status).toBe(200);
    const edge = await post("edge", s.twin.token, JSON.stringify(review(goodDeployment())));
    expect(edge.status).toBe(403);
  });

  it("answers 401 without a token", async () => {
    const res = await post("prod", null, JSON.stringify(review(goodDeployment())));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unauthorized");
  });

  it("answers 403 to another cluster's token, another org's token and an org token", async () => {
    for (const token of [s.sibling.token, s.foreign.token, s.orgToken]) {
      const res = await post("prod", token, JSON.stringify(review(goodDeployment())));
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("forbidden");
    }
  });

  it("answers 400 to bad JSON, and to a wrong shape with the uid echoed", async () => {
    const bad = await post("prod", s.main.token, "{not json");
    expect(bad.status).toBe(400);
    const wrong = await post("prod", s.main.token, JSON.stringify({ kind: "AdmissionReview", request: { uid: UID } }));
    expect(wrong.status).toBe(400);
    const error = await errorOf(wrong);
    expect(error.code).toBe("bad_request");
    expect(error.details).toMatchObject({ uid: UID });
  });

  it("refuses a body over 1 MB with 413", async () => {
    const res = await post("prod", s.main.token, JSON.stringify({ padding: "x".repeat(1024 * 1024 + 1) }));
    expect(res.status).toBe(413);
  });
});

// Issue 16, item 3: a NUL in a field answered 500, which `failurePolicy: Ignore` turns into an
// object admitted unchecked. Such a review is now cleaned (NUL removed, lone surrogates replaced)
// and evaluated like any other.
describe("POST /api/v1/admission/{cluster} with NUL characters and lone surrogates", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  function dirtyReview(dirt: string) {
    const object = deploymentWithContainer({
      name: `web${dirt}`,
      image: `nginx${dirt}:1.25`,
      securityContext: { privileged: true },
    });
    (object.metadata as Record<string, unknown>).labels = { [`team${dirt}`]: `shop${dirt}`, app: "shop" };
    const body = review(object);
    body.request.name = `shop${dirt}`;
    body.request.userInfo = { username: `dev${dirt}@acme.test` };
    return JSON.stringify(body);
  }

  it.each([
    ["a NUL", "\u0000"],
    ["a lone high surrogate", "\ud800"],
    ["a lone low surrogate", "\udfff"],
  ])("evaluates a review whose image, label, container name and username hold %s", async (_, dirt) => {
    const res = await post("prod", s.main.token, dirtyReview(dirt));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: { uid: string; allowed: boolean; warnings: string[] } };
    expect(body.response).toMatchObject({ uid: UID, allowed: true });
    // Evaluated, not waved through: the privileged container is still reported.
    expect(body.response.warnings.join("\n")).toContain("runAsPrivileged");
    const decision = await db.admissionDecision.findFirstOrThrow({
      where: { clusterId: s.main.cluster.id },
      orderBy: { createdAt: "desc" },
    });
    expect(decision.username).toBe(dirt === "\u0000" ? "dev@acme.test" : "dev\uFFFD@acme.test");
  });
});

describe("POST /api/v1/admission/{cluster} under fuzzing", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("answers 200 (or 400 for a body that is not a review), never 5xx, with dirt in any string or key", async () => {
    const objects = [goodDeployment(), deploymentWithContainer({ securityContext: { privileged: true } })];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: objects.length - 1 }), dirtsArbitrary(), fc.nat(), async (i, dirts, seed) => {
        const body = dirtyBytes(dirtyStrings(review(objects[i]), dirts), seed);
        const res = await post("prod", s.main.token, "", body);
        expect(res.status === 200 || res.status === 400, `${res.status}: ${await res.text()}`).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS_DB ?? 25) },
    );
  });
});
