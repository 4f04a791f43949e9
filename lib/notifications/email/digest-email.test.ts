import { describe, expect, it } from "vitest";
import { pngSize } from "../charts/render-png";
import { renderDigestEmail } from "./digest-email";
import { isAllClear } from "./digest-model";
import { sampleDigest } from "./sample-digest-testing";

describe("digest mail", () => {
  it("sums up the period in its subject and shows counts with their trend, in HTML and text", () => {
    const mail = renderDigestEmail(sampleDigest());
    expect(mail.subject).toBe("Payments (Acme) weekly digest: 7 new, 10 fixed findings");
    expect(mail.text).toContain("Weekly digest for Payments (Acme), 2 to 8 March 2026");
    expect(mail.text).toMatch(/Critical\s+2\s+1\s+5\s+▲ 1/);
    expect(mail.text).toMatch(/High\s+4\s+6\s+12\s+▼ 2/);
    expect(mail.text).toMatch(/Total\s+7\s+10\s+44\s+▼ 3/);
  });

  it("lists the top things to fix with links, cost against the last period, budgets and silent clusters", () => {
    const mail = renderDigestEmail(sampleDigest());
    expect(mail.text).toContain(
      "Privileged containers https://bumpers.test/o/acme/findings/1 · prod-us-east / payments · 3 findings",
    );
    expect(mail.html).toContain('href="https://bumpers.test/o/acme/findings/2"');
    expect(mail.text).toContain("$1,234.50 this period (+12% against $1,100.00 the period before)");
    expect(mail.text).toMatch(/payments\/api\s+\$400\.00\s+\$300\.00\s+\+33%/);
    expect(mail.text).toMatch(/\$900\.00 of \$1,000\.00\s+90%\s+Near its limit/);
    expect(mail.text).toContain("staging-eu: last report 3 days ago");
    expect(mail.text).toContain("Open Bumpers https://bumpers.test/o/acme/overview?team=payments");
  });

  it("shows at most five things to fix", () => {
    const fix = sampleDigest().topFixes[0];
    const topFixes = Array.from({ length: 8 }, (_, i) => ({ ...fix, title: `Fix number ${i + 1}` }));
    const mail = renderDigestEmail(sampleDigest({ topFixes }));
    expect(mail.text).toContain("Top 5 to fix");
    expect(mail.text).toContain("Fix number 5");
    expect(mail.text).not.toContain("Fix number 6");
  });

  it("embeds both charts as inline PNGs that the HTML shows by Content-ID, with the numbers in their alt text", () => {
    const mail = renderDigestEmail(sampleDigest());
    expect(mail.attachments?.map((a) => [a.cid, a.contentType])).toEqual([
      ["findings-chart@bumpers", "image/png"],
      ["cost-chart@bumpers", "image/png"],
    ]);
    for (const attachment of mail.attachments ?? []) {
      expect(mail.html).toContain(`src="cid:${attachment.cid}"`);
      expect(pngSize(attachment.content)?.width).toBe(1120);
    }
    expect(mail.html).toContain('alt="Open findings by severity: Critical 5 (was 4), High 12 (was 14)');
  });

  it("leaves out a chart with nothing to draw: no cost data, or a single day", () => {
    expect(renderDigestEmail(sampleDigest({ cost: undefined })).attachments?.map((a) => a.cid)).toEqual([
      "findings-chart@bumpers",
    ]);
    const cost = { ...sampleDigest().cost!, daily: [{ day: "2026-03-08", amount: 10 }] };
    expect(renderDigestEmail(sampleDigest({ cost })).html).not.toContain("cid:cost-chart");
  });

  it("says all clear when nothing is new, nothing to fix, no budget in trouble and every cluster reports", () => {
    const quiet = sampleDigest({
      severities: sampleDigest().severities.map((s) => ({ ...s, current: { ...s.current, new: 0 } })),
      topFixes: [],
      budgets: [{ ...sampleDigest().budgets![0], status: "ok" }],
      staleClusters: [],
      cadence: "daily",
      teamName: undefined,
    });
    expect(isAllClear(quiet)).toBe(true);
    const mail = renderDigestEmail(quiet);
    expect(mail.subject).toBe("Acme daily digest: all clear");
    expect(mail.text).toContain("All clear");
    expect(mail.text).toContain("Nothing needs you today.");
    expect(mail.text).toContain("On track");
    expect(isAllClear({ ...quiet, staleClusters: [{ name: "x", lastSeen: "1 day ago" }] })).toBe(false);
  });

  it("carries a one-click unsubscribe and escapes names from the data", () => {
    const mail = renderDigestEmail(sampleDigest({ teamName: "<img src=x onerror=alert(1)>" }));
    expect(mail.headers?.["List-Unsubscribe"]).toBe("<https://bumpers.test/unsubscribe/token>");
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.html).toContain('href="https://bumpers.test/unsubscribe/token"');
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt; (Acme)");
  });
});
