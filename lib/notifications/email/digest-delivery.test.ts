import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendMail } from "@/lib/server/mail";
import { startFakeSmtp, type TFakeSmtp } from "@/lib/testing/fake-smtp";
import { pngSize } from "../charts/render-png";
import { signUnsubscribe, verifyUnsubscribe } from "../unsubscribe-token";
import { renderDigestEmail } from "./digest-email";
import { sampleDigest } from "./sample-digest-testing";

// The digest as a recipient gets it: rendered, sent over SMTP to a real SMTP server, parsed back
// from what arrived. Its charts must arrive as inline images the HTML shows, and its unsubscribe
// link (header and footer) must carry a token that names the subscription.

let fake: TFakeSmtp;
beforeAll(async () => {
  fake = await startFakeSmtp();
});
afterAll(async () => {
  await fake.close();
});

describe("a digest over SMTP", () => {
  it("arrives with its text, its inline charts and a working one-click unsubscribe", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const subscriptionId = "7d0b7c58-3f55-4a8e-9c1b-0e6f3c1a2b4d";
    const unsubscribeUrl = `https://bumpers.test/unsubscribe/${signUnsubscribe({ subscriptionId, kind: "digest" })}`;
    const digest = renderDigestEmail(sampleDigest({ unsubscribeUrl }));
    const smtp = { host: "127.0.0.1", port: fake.smtpPort, secure: false, startTls: "opportunistic" as const };

    const result = await sendMail({ to: "payments-oncall@acme.test", ...digest, smtp });
    expect(result).toMatchObject({ transport: "smtp", sent: true, accepted: ["payments-oncall@acme.test"] });

    const mail = await fake.waitForMessage((m) => m.envelope.to.includes("payments-oncall@acme.test"));
    expect(mail.subject).toBe("Payments (Acme) weekly digest: 7 new, 10 fixed findings");
    expect(mail.text).toMatch(/Critical\s+2\s+1\s+5\s+▲ 1/);
    expect(mail.text).toContain("Privileged containers");

    // Each chart arrived as an inline PNG, and the HTML shows each one by its Content-ID.
    expect(mail.attachments.map((a) => [a.cid, a.contentType, a.inline])).toEqual([
      ["findings-chart@bumpers", "image/png", true],
      ["cost-chart@bumpers", "image/png", true],
    ]);
    for (const image of mail.attachments) {
      expect(mail.html).toContain(`src="cid:${image.cid}"`);
      expect(pngSize(image.content)).toEqual({ width: 1120, height: image.cid?.startsWith("findings") ? 440 : 400 });
    }

    // One-click unsubscribe: the header and the footer link agree, and the token names the subscription.
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const headerUrl = /^<(https:\/\/[^>]+)>$/.exec(mail.headers["list-unsubscribe"])?.[1];
    expect(headerUrl).toBe(unsubscribeUrl);
    expect(mail.html).toContain(`href="${unsubscribeUrl}"`);
    const token = new URL(headerUrl!).pathname.split("/").pop()!;
    expect(verifyUnsubscribe(token)).toEqual({ subscriptionId, kind: "digest" });
    // The signature's first character: its last one carries two padding bits that decode to nothing.
    expect(verifyUnsubscribe(token.replace(/\.(.)/, (_m, c: string) => `.${c === "A" ? "B" : "A"}`))).toBeNull();

    // The inbox shows it, with the charts served from the inbox itself.
    const page = await fetch(`${fake.inboxUrl}messages/${mail.id}`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain(`/messages/${mail.id}/cid/findings-chart%40bumpers`);
    const image = await fetch(`${fake.inboxUrl}messages/${mail.id}/cid/findings-chart%40bumpers`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 1120, height: 440 });
  });
});
