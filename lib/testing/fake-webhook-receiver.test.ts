import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeWebhookReceiver } from "./fake-webhook-receiver";

const receiver = startFakeForFile(() => startFakeWebhookReceiver());

/** A delivery signed by the Standard Webhooks reference implementation itself. */
function signed(secret: string, id: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const at = new Date();
  return {
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, at, body),
    },
  };
}

const deliver = (request: { body: string; headers: Record<string, string> }) =>
  fetch(receiver.hookUrl, { method: "POST", ...request });

describe("fake webhook receiver", () => {
  it("verifies the signature, keeps the delivery once per webhook-id, and shows it", async () => {
    const request = signed(receiver.secret, "msg_1", { type: "test", timestamp: "2026-03-12T10:04:00Z", data: {} });
    expect((await deliver(request)).status).toBe(200);
    expect(await (await deliver(request)).json()).toEqual({ received: true, duplicate: true });
    expect(receiver.deliveries()).toMatchObject([{ id: "msg_1", type: "test", verified: true, duplicates: 1 }]);
    const listed = (await (await fetch(`${receiver.url}/_fake/deliveries`)).json()) as { deliveries: unknown[] };
    expect(listed.deliveries).toHaveLength(1);
    const html = await (await fetch(receiver.url)).text();
    expect(html).toContain("signature verified");
    expect(html).toContain("msg_1");
  });

  it("answers 401 to a wrong signature, a tampered body and an unsigned request", async () => {
    const other = `whsec_${Buffer.alloc(24, 7).toString("base64")}`;
    expect((await deliver(signed(other, "msg_2", { type: "test" }))).status).toBe(401);
    const tampered = signed(receiver.secret, "msg_3", { type: "test" });
    expect((await deliver({ ...tampered, body: tampered.body.replace("test", "tset") })).status).toBe(401);
    expect((await deliver({ body: "{}", headers: { "content-type": "application/json" } })).status).toBe(401);
    expect(receiver.deliveries({ verified: false })).toHaveLength(3);
    expect(receiver.deliveries({ verified: true })).toHaveLength(0);
  });

  it("fails on demand: 429 with Retry-After, 500, 410", async () => {
    receiver.failNext("429");
    receiver.failNext("500");
    receiver.failNext("410");
    const request = signed(receiver.secret, "msg_4", { type: "test" });
    const limited = await deliver(request);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "1"]);
    expect((await deliver(request)).status).toBe(500);
    expect((await deliver(request)).status).toBe(410);
    expect((await deliver(request)).status).toBe(200);
  });
});
