import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeWebhookReceiver } from "@/lib/testing/fake-webhook-receiver";
import { sampleNotification } from "../testing/sample-notification";
import { expectPrivateRefused, startScripted } from "./test-helpers";
import { generateWebhookSecret, sendWebhook, signWebhook } from "./webhook";

const receiver = startFakeForFile(() => startFakeWebhookReceiver());

const open = { allowPrivate: true };

describe("signWebhook and generateWebhookSecret", () => {
  it("makes whsec_ secrets of 24 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("signs so that the Standard Webhooks reference implementation verifies, and only with that secret", () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: "test", timestamp: "2026-03-12T10:04:00Z", data: {} });
    const headers = signWebhook(secret, "ntf_1", body);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });
});

describe("sendWebhook", () => {
  it("delivers a signed Standard Webhooks payload the receiver verifies", async () => {
    const notification = sampleNotification("ci.blocked");
    const outcome = await sendWebhook(receiver.hookUrl, receiver.secret, notification, open);
    expect(outcome).toMatchObject({ kind: "accepted", status: 200 });
    const [delivery] = receiver.deliveries();
    expect(delivery).toMatchObject({ id: notification.id, type: "ci.blocked", verified: true });
    expect(delivery!.payload).toMatchObject({ type: "ci.blocked", timestamp: notification.occurredAt });
  });

  it("keeps the webhook-id across retries, so the receiver takes the message once", async () => {
    const notification = sampleNotification("budget.crossed");
    await sendWebhook(receiver.hookUrl, receiver.secret, notification, open);
    const again = await sendWebhook(receiver.hookUrl, receiver.secret, notification, open);
    expect(again.kind).toBe("accepted");
    expect(receiver.deliveries()).toHaveLength(1);
    expect(receiver.deliveries()[0]!.duplicates).toBe(1);
  });

  it("rejects when the receiver refuses the signature (a 4xx), without the secret in the error", async () => {
    const wrong = generateWebhookSecret();
    const outcome = await sendWebhook(receiver.hookUrl, wrong, sampleNotification(), open);
    expect(outcome).toMatchObject({ kind: "rejected", status: 401 });
    expect(outcome.kind === "rejected" && outcome.error).toContain("Invalid signature");
    expect(JSON.stringify(outcome)).not.toContain(wrong);
    expect(receiver.deliveries({ verified: false })).toHaveLength(1);
  });

  it("answers retry with Retry-After on a 429, retry on a 500, broken on a 410", async () => {
    receiver.failNext("429");
    expect(await sendWebhook(receiver.hookUrl, receiver.secret, sampleNotification(), open)).toMatchObject({
      kind: "retry",
      status: 429,
      retryAfterMs: 1000,
    });
    receiver.failNext("500");
    expect(await sendWebhook(receiver.hookUrl, receiver.secret, sampleNotification(), open)).toMatchObject({
      kind: "retry",
      status: 500,
    });
    receiver.failNext("410");
    expect(await sendWebhook(receiver.hookUrl, receiver.secret, sampleNotification(), open)).toMatchObject({
      kind: "broken",
      status: 410,
      error: "The webhook receiver answered 410: This endpoint was removed",
    });
  });

  it("rejects on a 400 with the receiver's text, and does not follow a redirect", async () => {
    const scripted = await startScripted();
    scripted.answer(400, JSON.stringify({ message: "unknown event type" }));
    expect(await sendWebhook(`${scripted.url}/hook`, receiver.secret, sampleNotification(), open)).toMatchObject({
      kind: "rejected",
      status: 400,
      error: "The webhook receiver answered 400: unknown event type",
    });
    scripted.answer(308, "", { location: receiver.hookUrl });
    const redirected = await sendWebhook(`${scripted.url}/hook`, receiver.secret, sampleNotification(), open);
    await scripted.close();
    expect(redirected).toMatchObject({ kind: "broken", status: 308 });
    expect(receiver.deliveries()).toHaveLength(0);
  });

  it("refuses a private address when private destinations are not allowed", async () => {
    await expectPrivateRefused(
      (policy) => sendWebhook(receiver.hookUrl, receiver.secret, sampleNotification(), policy),
      () => receiver.deliveries(),
    );
  });
});
