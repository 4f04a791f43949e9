import { Component, createElement, forwardRef, memo, type ReactElement } from "react";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { DigestEmail } from "@/lib/notifications/email/digest-email";
import { NotificationEmail } from "@/lib/notifications/email/notification-email";
import { sampleDigest } from "@/lib/notifications/email/sample-digest-testing";
import { InvitationEmail, SignUpEmail, SignUpExistingEmail, UnlockEmail } from "./account-emails";
import { renderEmail } from "./render-email";
import { renderMarkup } from "./render-markup";

// renderMarkup stands in for react-dom/server where that refuses to load (render-markup.ts says
// why). Here, under Vitest, react-dom/server loads: every template must come out as React Email's
// render() makes it, apart from the comments React DOM leaves for hydration.

const withoutHydrationMarks = (html: string) => html.replace(/<!--( |\/?\$|html|head|body)-->/g, "");

const LINK = "https://bumpers.test/a?b=1&c=<2>";
const TEMPLATES: Array<[string, ReactElement]> = [
  [
    "invitation",
    createElement(InvitationEmail, {
      inviterName: "Ada <Admin>",
      inviterEmail: "ada@acme.test",
      orgName: "Acme & Co",
      roleLabel: "Member",
      teamName: "Payments",
      link: LINK,
      expiresAt: new Date("2026-03-09T10:00:00Z"),
    }),
  ],
  ["sign-up", createElement(SignUpEmail, { orgName: "Acme", link: LINK, ttlHours: 24 })],
  ["sign-up, existing", createElement(SignUpExistingEmail, { email: "a@b.test", signInUrl: LINK })],
  ["unlock", createElement(UnlockEmail, { link: LINK, lockedUntil: new Date("2026-03-09T10:00:00Z") })],
  [
    "notification",
    createElement(NotificationEmail, {
      title: 'Privileged "containers" <b>',
      summary: "3 workloads",
      severity: "critical",
      facts: [{ label: "Cluster", value: "prod-us-east" }],
      sample: ["payments/api"],
      moreCount: 2,
      link: LINK,
      linkText: "Open",
      orgName: "Acme",
      unsubscribeUrl: LINK,
    }),
  ],
  [
    "digest",
    createElement(DigestEmail, {
      digest: sampleDigest(),
      charts: { findings: { cid: "f@b", alt: "Findings", width: 560, height: 220 } },
    }),
  ],
  [
    "digest, all clear",
    createElement(DigestEmail, {
      digest: sampleDigest({ topFixes: [], budgets: [], staleClusters: [], severities: [] }),
    }),
  ],
];

describe("renderMarkup", () => {
  it.each(TEMPLATES)("renders the %s mail as React Email's render() does, HTML and text", async (_name, element) => {
    const ours = renderEmail("subject", element);
    expect(withoutHydrationMarks(ours.html)).toBe(withoutHydrationMarks(await render(element)));
    expect(renderEmail("s", element).text.length).toBeGreaterThan(50);
  });

  it("escapes text and attribute values, and drops event handlers, refs and unsafe attribute names", () => {
    const html = renderMarkup(
      createElement(
        "a",
        { href: 'https://x.test/?a="1"&b=<2>', onClick: () => {}, "data-ok": true, 'bad"name': "x", title: "it's" },
        "<script>alert(1)</script>",
        7,
        null,
        false,
      ),
    );
    expect(html).toBe(
      '<a href="https://x.test/?a=&quot;1&quot;&amp;b=&lt;2&gt;" data-ok="true" title="it&#x27;s">&lt;script&gt;alert(1)&lt;/script&gt;7</a>',
    );
  });

  it("writes styles as React does (units, unitless numbers, vendor prefixes) and renders forwardRef and memo components", () => {
    const Inner = forwardRef<HTMLDivElement, { label: string }>(function Inner({ label }, _ref) {
      return createElement(
        "div",
        { style: { lineHeight: 1.5, marginTop: 4, padding: 0, msoLineHeightRule: "exactly" } },
        label,
      );
    });
    const Outer = memo(Inner);
    expect(renderMarkup(createElement(Outer, { label: "x" }))).toBe(
      '<div style="line-height:1.5;margin-top:4px;padding:0;mso-line-height-rule:exactly">x</div>',
    );
    expect(renderMarkup(createElement("img", { src: "", alt: "a", hidden: true }))).toBe('<img alt="a" hidden=""/>');
  });

  it("refuses what a static mail cannot be (class components)", () => {
    class Widget extends Component {
      render() {
        return "x";
      }
    }
    expect(() => renderMarkup(createElement(Widget))).toThrow(/Class components/);
  });
});
