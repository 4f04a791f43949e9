import { describe, expect, it } from "vitest";
import { renderNotificationEmail, type TNotificationEmailProps } from "./notification-email";

const props = (overrides: Partial<TNotificationEmailProps> = {}): TNotificationEmailProps => ({
  title: "Privileged containers in prod-us-east",
  summary: "3 workloads run privileged containers.",
  severity: "critical",
  facts: [
    { label: "Cluster", value: "prod-us-east" },
    { label: "Check", value: "privilegeEscalationAllowed" },
  ],
  sample: ["payments/api", "payments/worker"],
  moreCount: 1,
  link: "https://bumpers.test/o/acme/alerting?group=1&x=2",
  linkText: "Open the alert",
  orgName: "Acme",
  teamName: "Payments",
  unsubscribeUrl: "https://bumpers.test/unsubscribe/tok",
  ...overrides,
});

describe("notification mail", () => {
  it("says what happened, where, which resources, and links to it, in HTML and text", () => {
    const mail = renderNotificationEmail(props());
    expect(mail.subject).toBe("[Critical] Privileged containers in prod-us-east");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Privileged containers in prod-us-east");
      expect(part).toContain("3 workloads run privileged containers.");
      expect(part).toContain("prod-us-east");
      expect(part).toContain("privilegeEscalationAllowed");
      expect(part).toContain("payments/worker");
      expect(part).toContain("and 1 more");
      expect(part).toContain("Payments (Acme)");
    }
    expect(mail.html).toContain('href="https://bumpers.test/o/acme/alerting?group=1&amp;x=2"');
    expect(mail.text).toContain("Open the alert https://bumpers.test/o/acme/alerting?group=1&x=2");
  });

  it("carries a one-click unsubscribe: a footer link and the List-Unsubscribe headers", () => {
    const mail = renderNotificationEmail(props());
    expect(mail.html).toContain('href="https://bumpers.test/unsubscribe/tok"');
    expect(mail.text).toContain("Unsubscribe https://bumpers.test/unsubscribe/tok");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<https://bumpers.test/unsubscribe/tok>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    const without = renderNotificationEmail(props({ unsubscribeUrl: undefined }));
    expect(without.headers).toBeUndefined();
    expect(without.text).not.toContain("Unsubscribe");
  });

  it("escapes data from clusters and users, keeps the subject on one line, and drops unsafe links", () => {
    const mail = renderNotificationEmail(
      props({
        title: "<script>alert(1)</script>\r\nBcc: eve@evil.test",
        facts: [{ label: "Namespace", value: '"><img src=x onerror=alert(1)>' }],
        sample: ["<b>pod</b>"],
        link: "javascript:alert(document.cookie)",
      }),
    );
    expect(mail.subject).toBe("[Critical] <script>alert(1)</script> Bcc: eve@evil.test");
    expect(mail.html).not.toMatch(/<script|<img src=x|<b>pod/);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).not.toContain("javascript:");
    expect(mail.text).not.toContain("Open the alert");
  });
});
