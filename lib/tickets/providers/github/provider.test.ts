import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { FAKE_GITHUB_LOGIN, startFakeGithub } from "@/lib/testing/fake-github";
import { bold, paragraph, text, type TTicketDoc } from "../../document";
import type { TCreateIssueInput, TProviderResult } from "../../provider";
import { createGithubProvider } from ".";
import { appContext, repoSettings, tokenContext } from "./test-helpers";

const github = startFakeForFile(() => startFakeGithub());

const doc = (...words: string[]): TTicketDoc => ({ blocks: [paragraph(bold("Bumpers: "), text(words.join(" ")))] });
const input = (label = "bumpers-p-1"): TCreateIssueInput => ({
  title: "Privileged container in payments",
  body: doc("3 pods run privileged"),
  severity: "high",
  labels: [label],
  templateValues: {},
});

function value<T>(result: TProviderResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.outcome)}`);
  return result.value;
}

describe.each([
  ["token", tokenContext, FAKE_GITHUB_LOGIN],
  ["app", appContext, "bumpers-fake[bot]"],
] as const)("GitHub provider with %s auth against the fake", (_name, contextOf, actor) => {
  it("knows who it is and what the repository offers", async () => {
    const provider = createGithubProvider(contextOf(github));
    expect(value(await provider.whoAmI())).toEqual({ id: actor, name: actor });
    const options = value(await provider.projectOptions());
    expect(options.milestones).toEqual([{ number: 1, title: "Q1 hardening" }]);
    expect(options.labels).toEqual(["bug", "security", "bumpers"]);
  });

  it("creates an issue with the project's labels, finds it by label and by any reference", async () => {
    const provider = createGithubProvider(contextOf(github));
    const created = value(await provider.createIssue(input()));
    expect(created).toMatchObject({
      externalId: "acme/platform#1",
      key: "acme/platform#1",
      state: "open",
      status: "open",
    });
    expect(created.labels).toEqual(["bumpers", "bumpers-p-1"]);
    expect(created.url).toBe(`${github.url}/acme/platform/issues/1`);
    const stored = github.issues("acme/platform")[0]!;
    expect(stored.user).toBe(actor);
    expect(stored.body).toBe("**Bumpers: **3 pods run privileged");

    expect(value(await provider.findByLabel("bumpers-p-1"))?.externalId).toBe("acme/platform#1");
    expect(value(await provider.findByLabel("bumpers-other"))).toBeNull();
    for (const reference of ["acme/platform#1", "ACME/Platform#1", "#1", "1", created.url]) {
      expect(value(await provider.getIssue(reference)).externalId).toBe("acme/platform#1");
    }
    const elsewhere = await provider.getIssue("https://evil.example/acme/platform/issues/1");
    expect(elsewhere.ok || elsewhere.outcome.kind).toBe("rejected");
  });

  it("closes as completed or not planned and reopens, each with one comment, and retries safely", async () => {
    const provider = createGithubProvider(contextOf(github));
    const { externalId } = value(await provider.createIssue(input()));
    expect(value(await provider.transition(externalId, "done", doc("fixed")))).toMatchObject({
      state: "done",
      status: "closed (completed)",
    });
    // The same call again (the outbox retrying after a lost answer): no second close, one more comment only.
    await provider.transition(externalId, "done");
    const patches = github.requests().filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(value(await provider.transition(externalId, "reopen", doc("back")))).toMatchObject({ state: "open" });
    expect(value(await provider.transition(externalId, "wont_do"))).toMatchObject({
      state: "wont_do",
      status: "closed (not_planned)",
    });
    expect(github.issues()[0]!.comments.map((c) => c.body)).toEqual(["**Bumpers: **fixed", "**Bumpers: **back"]);

    // The comment fails after the close went through: the retry closes nothing again and comments once.
    value(await provider.transition(externalId, "reopen"));
    github.failNext(502, undefined, undefined, { method: "POST", path: /\/comments$/ });
    const failed = await provider.transition(externalId, "done", doc("fixed again"));
    expect(failed.ok || failed.outcome.kind).toBe("retry");
    expect(github.issues()[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    const patchesBefore = github.requests().filter((r) => r.method === "PATCH").length;
    value(await provider.transition(externalId, "done", doc("fixed again")));
    expect(github.requests().filter((r) => r.method === "PATCH")).toHaveLength(patchesBefore);
    expect(github.issues()[0]!.comments.at(-1)!.body).toBe("**Bumpers: **fixed again");

    expect(value(await provider.addComment(externalId, doc("grew to 4 pods")))).toEqual({ id: expect.any(String) });
    value(await provider.removeTestIssue(externalId));
    expect(github.issues()[0]).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(value(await provider.listTransitions(externalId)).map((t) => t.category)).toEqual([
      "done",
      "wont_do",
      "open",
    ]);
  });
});

describe("GitHub provider failures", () => {
  it("a wrong token breaks the connection, with GitHub's words and never the token", async () => {
    const token = "ghp_wrongwrongwrongwrongwrong0000";
    const result = await createGithubProvider(tokenContext(github, "platform", token)).whoAmI();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcome).toMatchObject({ kind: "broken", status: 401 });
    expect(result.outcome.error).toContain("Bad credentials");
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it("a wrong installation id breaks the connection", async () => {
    const result = await createGithubProvider(appContext(github, "platform", 1)).createIssue(input());
    expect(result.ok || result.outcome.kind).toBe("broken");
  });

  it("an unknown repository is rejected and names it; disabled issues are rejected", async () => {
    const missing = await createGithubProvider(tokenContext(github, "nope")).createIssue(input());
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.outcome).toMatchObject({
        kind: "rejected",
        status: 404,
        error: expect.stringContaining("acme/nope"),
      });
    const gone = await createGithubProvider(tokenContext(github, "archive")).createIssue(input());
    expect(gone.ok || gone.outcome).toMatchObject({ kind: "rejected", status: 410 });
  });

  it("a validation failure is rejected with GitHub's field errors", async () => {
    const context = {
      ...tokenContext(github),
      project: repoSettings("platform", { assignees: ["mallory"], milestone: 9 }),
    };
    const result = await createGithubProvider(context).createIssue(input());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcome).toMatchObject({ kind: "rejected", status: 422 });
    expect(result.fieldErrors).toEqual({ assignees: "invalid", milestone: "invalid" });
  });

  it("rate limits and server errors are retried, with GitHub's wait", async () => {
    const provider = createGithubProvider(tokenContext(github));
    const reset = String(Math.floor(Date.now() / 1000) + 120);
    github.failNext(
      403,
      { message: "API rate limit exceeded" },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
    );
    const limited = await provider.whoAmI();
    expect(limited.ok || limited.outcome.kind).toBe("retry");
    if (!limited.ok && limited.outcome.kind === "retry") expect(limited.outcome.retryAfterMs).toBeGreaterThan(100_000);

    github.failNext(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "30" });
    const secondary = await provider.createIssue(input());
    expect(!secondary.ok && secondary.outcome).toMatchObject({ kind: "retry", status: 403, retryAfterMs: 30_000 });

    github.failNext(429, undefined, { "retry-after": "7" });
    const throttled = await provider.whoAmI();
    expect(!throttled.ok && throttled.outcome).toMatchObject({ kind: "retry", status: 429, retryAfterMs: 7000 });
    expect((await provider.whoAmI()).ok).toBe(true);
    github.failNext(500);
    const down = await provider.getIssue("#1");
    expect(!down.ok && down.outcome).toMatchObject({ kind: "retry", status: 500 });
  });

  it("a 403 without a rate limit is a permission problem", async () => {
    github.failNext(403, { message: "Resource not accessible by personal access token" });
    const result = await createGithubProvider(tokenContext(github)).createIssue(input());
    expect(!result.ok && result.outcome).toMatchObject({ kind: "broken", status: 403 });
    if (!result.ok) expect(result.outcome.error).toContain("Issues: write on acme/platform");
  });

  it("an unreachable GitHub is retried; a private address without permission is refused", async () => {
    const closed = {
      ...tokenContext(github),
      secret: { ...tokenContext(github).secret, apiUrl: "http://127.0.0.1:1" },
    };
    const down = await createGithubProvider(closed).whoAmI();
    expect(down.ok || down.outcome.kind).toBe("retry");
    const refused = await createGithubProvider({ ...tokenContext(github), allowPrivate: false }).whoAmI();
    expect(refused.ok || refused.outcome.kind).toBe("broken");
  });
});
