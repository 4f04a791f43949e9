import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES, ZNotification } from "./message";
import { renderWebhookPayload } from "./channels/webhook-payload";
import { sampleNotification } from "./testing/sample-notification";

describe("ZNotification", () => {
  it.each(NOTIFICATION_TYPES)("accepts the sample %s notification", (type) => {
    expect(ZNotification.safeParse(sampleNotification(type)).success).toBe(true);
  });

  it("refuses a multi-line title, a relative link and an unknown type", () => {
    expect(ZNotification.safeParse(sampleNotification("test", { title: "a\nb" })).success).toBe(false);
    expect(ZNotification.safeParse(sampleNotification("test", { link: "/o/acme" })).success).toBe(false);
    expect(ZNotification.safeParse({ ...sampleNotification("test"), type: "finding.opened" }).success).toBe(false);
  });
});

describe("renderWebhookPayload", () => {
  it("follows the Standard Webhooks payload convention: type, timestamp, data", () => {
    const notification = sampleNotification("budget.crossed");
    const payload = renderWebhookPayload(notification);
    expect(payload.type).toBe("budget.crossed");
    expect(payload.timestamp).toBe(notification.occurredAt);
    expect(payload.data).not.toHaveProperty("type");
    expect(payload.data.id).toBe(notification.id);
    expect(payload.data.facts).toEqual(notification.facts);
  });
});
