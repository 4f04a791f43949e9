import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { FAKE_GITHUB_LOGIN, startFakeGithub } from "@/lib/testing/fake-github";
import { startFakeHttp, type TFakeRequest, type TFakeServer } from "@/lib/testing/fake-http";
import { paragraph, text } from "../../document";
import type { TWebhookRequest } from "../../provider";
import { createGithubProvider, parseGithubWebhook } from ".";
import { tokenContext, WEBHOOK_SECRET } from "./test-helpers";

// Deliveries the fake GitHub really sends (signed with the secret) for changes made by a person
// in its UI/API and by Bumpers through the REST API, read back by parseGithubWebhook.

const github = startFakeForFile(() => startFakeGithub());
let receiver: TFakeServer;
let received: TFakeRequest[] = [];

beforeAll(async () => {
  receiver = await startFakeHttp((req, res) => {
    received.push(req);
    res.writeHead(202).end();
  });
});
afterAll(() => receiver.close());

const asRequest = (req: TFakeRequest): TWebhookRequest => ({
  headers: new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)])),
  rawBody: req.body,
});
const signed = (rawBody: string, event: string, secret = WEBHOOK_SECRET): TWebhookRequest => ({
  headers: new Headers({
    "x-github-event": event,
    "x-github-delivery": "d-1",
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`,
  }),
  rawBody,
});

async function parsedDeliveries() {
  await github.flushWebhooks();
  return Promise.all(received.map((r) => parseGithubWebhook(asRequest(r), WEBHOOK_SECRET)));
}

describe("GitHub webhooks from the fake", () => {
  it("reads closes, reopens and comments, with who made them", async () => {
    received = [];
    github.setWebhook(receiver.url, WEBHOOK_SECRET);
    const provider = createGithubProvider(tokenContext(github));
    const created = await provider.createIssue({
      title: "Privileged container",
      body: { blocks: [paragraph(text("x"))] },
      severity: "high",
      labels: [],
      templateValues: {},
    });
    if (!created.ok) throw new Error(created.outcome.error);
    github.closeIssue("acme/platform", 1, "not_planned");
    github.reopenIssue("Acme/Platform", 1, { as: "alice" });
    github.comment("acme/platform", 1, "On it");
    await provider.transition(created.value.externalId, "done");

    const parses = await parsedDeliveries();
    expect(parses[0]).toMatchObject({ kind: "ignored", reason: "issues.opened is not followed" });
    const events = parses.flatMap((p) => (p.kind === "events" ? p.events : []));
    expect(events.map((e) => [e.kind, e.state ?? e.comment?.text, e.actor.id])).toEqual([
      ["state", "wont_do", "octocat"],
      ["state", "open", "alice"],
      ["comment", "On it", "octocat"],
      ["state", "done", FAKE_GITHUB_LOGIN],
    ]);
    expect(events[0]).toMatchObject({
      externalId: "acme/platform#1",
      key: "acme/platform#1",
      status: "closed (not_planned)",
    });
    const ids = parses.map((p) => (p.kind === "events" || p.kind === "ignored" ? p.deliveryId : ""));
    expect(new Set(ids).size).toBe(5);
  });

  it("refuses a delivery signed with another secret, or not signed", async () => {
    received = [];
    github.setWebhook(receiver.url, "another-secret");
    await createGithubProvider(tokenContext(github)).createIssue({
      title: "t",
      body: { blocks: [] },
      severity: "low",
      labels: [],
      templateValues: {},
    });
    github.closeIssue("acme/platform", 1, "completed");
    await github.flushWebhooks();
    expect(received).toHaveLength(2);
    for (const delivery of received) {
      expect(await parseGithubWebhook(asRequest(delivery), WEBHOOK_SECRET)).toMatchObject({ kind: "unauthorized" });
    }
    expect(await parseGithubWebhook(asRequest(received[1]!), "another-secret")).toMatchObject({ kind: "events" });
    const body = JSON.stringify({ action: "closed" });
    expect(await parseGithubWebhook(signed(body, "issues", "another-secret"), WEBHOOK_SECRET)).toMatchObject({
      kind: "unauthorized",
    });
    const unsigned = signed(body, "issues");
    unsigned.headers.delete("x-hub-signature-256");
    expect(await parseGithubWebhook(unsigned, WEBHOOK_SECRET)).toMatchObject({ kind: "unauthorized" });
  });

  it("ignores a ping and a comment on a pull request; refuses a body that is not JSON", async () => {
    expect(await parseGithubWebhook(signed('{"zen":"Keep it logically awesome."}', "ping"), WEBHOOK_SECRET)).toEqual({
      kind: "ignored",
      deliveryId: "d-1",
      reason: "ping event",
    });
    const pr = {
      action: "created",
      issue: {
        number: 3,
        title: "t",
        html_url: "https://github.com/a/b/pull/3",
        state: "open",
        labels: [],
        pull_request: {},
      },
      comment: { id: 1, body: "LGTM" },
      repository: { full_name: "a/b" },
      sender: { login: "alice" },
    };
    expect(await parseGithubWebhook(signed(JSON.stringify(pr), "issue_comment"), WEBHOOK_SECRET)).toMatchObject({
      kind: "ignored",
    });
    expect(await parseGithubWebhook(signed("{not json", "issues"), WEBHOOK_SECRET)).toMatchObject({ kind: "invalid" });
    expect(await parseGithubWebhook(signed('{"action":"closed"}', "issues"), WEBHOOK_SECRET)).toMatchObject({
      kind: "invalid",
    });
  });
});
