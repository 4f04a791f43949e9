import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeSlack } from "@/lib/testing/fake-slack";
import { sampleNotification } from "../testing/sample-notification";
import { sendSlackWebhook } from "./slack-webhook";
import { expectPrivateRefused, expectRedirectRefused, startScripted } from "./test-helpers";

const slack = startFakeForFile(() => startFakeSlack());

const open = { allowPrivate: true };

describe("sendSlackWebhook", () => {
  it("posts the rendered message into the webhook's channel (never threaded)", async () => {
    const outcome = await sendSlackWebhook(slack.webhookUrl("alerts"), sampleNotification("cluster.stale"), open);
    expect(outcome).toMatchObject({ kind: "accepted", status: 200, response: { body: "ok" } });
    const [message] = slack.messages("alerts");
    expect(message).toMatchObject({ via: "webhook", threadTs: null });
    expect(message!.text).toContain("prod-eu has not reported for 3 hours");
  });

  it("answers retry with Retry-After on a 429", async () => {
    slack.failNext("ratelimited");
    const outcome = await sendSlackWebhook(slack.webhookUrl(), sampleNotification(), open);
    expect(outcome).toMatchObject({ kind: "retry", status: 429, retryAfterMs: 1000 });
  });

  it.each([
    ["invalid_token", 403],
    ["no_service", 404],
    ["channel_not_found", 404],
    ["channel_is_archived", 410],
  ] as const)("marks the webhook broken on %s (%i), without the URL's secret in the error", async (state, status) => {
    const url = slack.webhookUrl("payments-alerts");
    slack.setWebhookState(url, state);
    const outcome = await sendSlackWebhook(url, sampleNotification(), open);
    slack.setWebhookState(url, "ok");
    expect(outcome).toMatchObject({ kind: "broken", status, error: `Slack answered ${status}: ${state}` });
    const secret = new URL(url).pathname.split("/").at(-1)!;
    expect(JSON.stringify(outcome)).not.toContain(secret);
  });

  it("rejects a message Slack refuses (400), with Slack's text", async () => {
    const scripted = await startScripted();
    scripted.answer(400, "invalid_payload");
    const outcome = await sendSlackWebhook(
      `${scripted.url}/services/T1/B1/secretsecretsecret`,
      sampleNotification(),
      open,
    );
    await scripted.close();
    expect(outcome).toMatchObject({ kind: "rejected", status: 400, error: "Slack answered 400: invalid_payload" });
  });

  it("masks the webhook URL's secret when the answer repeats it", async () => {
    const scripted = await startScripted();
    const url = `${scripted.url}/services/T1/B1/secretsecretsecret`;
    scripted.answer(400, `no hook at ${url}`);
    const outcome = await sendSlackWebhook(url, sampleNotification(), open);
    await scripted.close();
    expect(outcome.kind).toBe("rejected");
    expect(outcome.kind === "rejected" && outcome.error).not.toContain("secretsecretsecret");
    expect(outcome.kind === "rejected" && outcome.error).toContain("••••cret");
  });

  it("refuses a private address when private destinations are not allowed", async () => {
    await expectPrivateRefused(
      (policy) => sendSlackWebhook(slack.webhookUrl(), sampleNotification(), policy),
      () => slack.messages(),
    );
  });

  it("does not follow a redirect", async () => {
    const outcome = await expectRedirectRefused(
      (url) => sendSlackWebhook(`${url}/services/T1/B1/secretsecretsecret`, sampleNotification(), open),
      { status: 302, location: slack.webhookUrl() },
      () => slack.messages(),
    );
    expect(outcome.kind === "broken" && outcome.error).not.toContain("secretsecretsecret");
  });
});
