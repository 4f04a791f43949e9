import { afterEach, describe, expect, it } from "vitest";
import { runApplyJob } from "@/lib/automation/jobs/run-apply-job";
import { createRule } from "@/lib/automation/rules/create-rule";
import { createTriageTenant } from "@/lib/findings/triage-testing";
import { actorFor } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import * as jobRoute from "./automation/jobs/[id]/route";
import * as applyRoute from "./automation/rules/[id]/apply/route";
import * as runsRoute from "./automation/rules/[id]/runs/route";
import * as previewRoute from "./automation/rules/preview/route";

// Preview, apply, the job and the run ledger over /api/v1, through the real engine and job runner.

const BASE = "http://bumpers.test";
type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: unknown, method: string, path: string, token?: string, body?: unknown, params = {}) =>
  (handler as THandler)(
    new Request(BASE + path, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : { origin: BASE },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );

const RULE = {
  name: "kube-system is low",
  conditions: [{ field: "namespace" as const, values: ["kube-system"] }],
  actions: { addTags: ["platform"] },
};

afterEach(() => signInAs(null));

describe("/api/v1/automation preview, apply, jobs and runs", () => {
  it("previews a draft, applies a rule, reports the job and the ledger; read tokens only read", async () => {
    const t = await createTriageTenant();
    const actor = actorFor(t.users.admin);
    const admin = (await createOrgToken(t.org.id, actor, { name: "ci", kind: "org_admin" })).secret;
    const read = (await createOrgToken(t.org.id, actor, { name: "ro", kind: "org_read" })).secret;

    const preview = await call(
      previewRoute.POST,
      "POST",
      `/api/v1/automation/rules/preview?team=${t.team.slug}`,
      admin,
      RULE,
    );
    expect(preview.status).toBe(200);
    const draft = ((await preview.json()) as { data: { matched: number; inScope: number } }).data;
    expect(draft.matched).toBeGreaterThan(0);
    expect(draft.matched).toBeLessThanOrEqual(draft.inScope);
    expect((await call(previewRoute.POST, "POST", "/api/v1/automation/rules/preview", read, RULE)).status).toBe(403);

    const rule = await createRule(t.org.id, actor, t.team.id, RULE);
    const params = { id: rule.id };
    expect((await call(applyRoute.POST, "POST", "/x", read, undefined, params)).status).toBe(403);
    const applied = await call(applyRoute.POST, "POST", "/x", admin, undefined, params);
    expect(applied.status).toBe(202);
    const job = ((await applied.json()) as { data: { id: string } }).data;
    await runApplyJob(job.id);
    const status = await call(jobRoute.GET, "GET", "/x", read, undefined, { id: job.id });
    expect(((await status.json()) as { data: unknown }).data).toMatchObject({ status: "done", changed: draft.matched });
    const runs = await call(runsRoute.GET, "GET", "/x?limit=5", read, undefined, params);
    const ledger = (await runs.json()) as { data: { trigger: string; changed: number }[]; nextCursor: string | null };
    expect(ledger.data).toEqual([expect.objectContaining({ trigger: "apply", changed: draft.matched })]);
    expect(ledger.nextCursor).toBeNull();

    // Signed in: a team member reads its job; someone on no team does not see it.
    signInAs(t.users.viewer);
    expect((await call(jobRoute.GET, "GET", `/x?org=${t.org.slug}`, undefined, undefined, { id: job.id })).status).toBe(
      200,
    );
    expect((await call(applyRoute.POST, "POST", `/x?org=${t.org.slug}`, undefined, undefined, params)).status).toBe(
      403,
    );
    signInAs(t.users.member);
    expect((await call(jobRoute.GET, "GET", `/x?org=${t.org.slug}`, undefined, undefined, { id: job.id })).status).toBe(
      404,
    );
    expect((await call(runsRoute.GET, "GET", `/x?org=${t.org.slug}`, undefined, undefined, params)).status).toBe(404);
    const other = await createTriageTenant();
    const theirs = (await createOrgToken(other.org.id, actorFor(other.users.admin), { name: "x", kind: "org_admin" }))
      .secret;
    expect((await call(jobRoute.GET, "GET", "/x", theirs, undefined, { id: job.id })).status).toBe(404);
    expect((await call(applyRoute.POST, "POST", "/x", theirs, undefined, params)).status).toBe(404);
  });
});
