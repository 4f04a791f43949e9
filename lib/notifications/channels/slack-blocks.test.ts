import type { KnownBlock, SectionBlock } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { sampleNotification } from "../testing/sample-notification";
import { escapeMrkdwn, renderSlackMessage, SLACK_LIMITS } from "./slack-blocks";

const ofType = <T extends KnownBlock["type"]>(blocks: KnownBlock[], type: T) =>
  blocks.filter((b) => b.type === type) as Extract<KnownBlock, { type: T }>[];

describe("renderSlackMessage", () => {
  it("renders a header, the summary, facts as fields, the sample, a context line and a button back", () => {
    const notification = sampleNotification("finding_group.opened");
    const { text, blocks } = renderSlackMessage(notification);
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "section", "section", "context", "actions"]);
    expect(ofType(blocks, "header")[0]!.text.text).toContain("12 workloads run as root in prod-eu");
    const [, facts, sample] = ofType(blocks, "section");
    expect(facts!.fields!.map((f) => f.text)).toContain("*Cluster*\nprod-eu");
    expect(sample!.text!.text).toContain("• Deployment payments/api");
    expect(sample!.text!.text).toContain("…and 9 more");
    const button = ofType(blocks, "actions")[0]!.elements[0]!;
    expect(button).toMatchObject({ type: "button", url: notification.link, text: { text: "Open the findings" } });
    expect(text).toBe(
      "[High] 12 workloads run as root in prod-eu (Check runAsRootAllowed found 12 workloads in namespace payments that may run as root.)",
    );
    const context = JSON.stringify(ofType(blocks, "context")[0]);
    expect(context).toContain("Acme / Payments");
    expect(context).toContain("<!date^1773309840^{date_short_pretty} {time}|2026-03-12 10:04 UTC>");
  });

  it("escapes Slack's control characters in everything people and clusters wrote", () => {
    const notification = sampleNotification("finding_group.opened", {
      org: { slug: "acme", name: "<!channel> & co" },
      title: "Pods in <!here>",
      summary: "See <https://evil.example|your bank>",
      facts: [{ label: "Namespace", value: "<@U123>" }],
      sample: ["Pod a&b/<x>"],
    });
    const { text, blocks } = renderSlackMessage(notification);
    const json = JSON.stringify({ text, blocks: blocks.filter((b) => b.type !== "header") });
    for (const raw of ["<!channel>", "<!here>", "<https://evil", "<@U123>", "<x>"]) expect(json).not.toContain(raw);
    expect(json).toContain("&lt;!channel&gt; &amp; co");
    expect(json).toContain("Pod a&amp;b/&lt;x&gt;");
    expect(escapeMrkdwn("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  it("stays inside Block Kit's limits with oversized content", () => {
    const notification = sampleNotification("finding_group.opened", {
      title: "t".repeat(300),
      summary: "s".repeat(5000),
      linkText: "l".repeat(75),
      facts: Array.from({ length: 25 }, (_, i) => ({ label: `Fact ${i}`, value: "v".repeat(2000) })),
      sample: Array.from({ length: 20 }, (_, i) => `${i}`.repeat(400)),
    });
    const { text, blocks } = renderSlackMessage(notification);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(Array.from(ofType(blocks, "header")[0]!.text.text).length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    const sections = ofType(blocks, "section") as SectionBlock[];
    for (const section of sections) {
      if (section.text) expect(section.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(section.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fields);
      for (const field of section.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    }
    // 25 facts: three sections of fields, none lost.
    expect(sections.flatMap((s) => s.fields ?? [])).toHaveLength(25);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(blocks.at(-1)!.type).toBe("actions");
  });

  it("leaves out what a notification does not have", () => {
    const { blocks } = renderSlackMessage(sampleNotification("test", { team: null }));
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "context", "actions"]);
    expect(JSON.stringify(blocks)).not.toContain(" / ");
  });
});
