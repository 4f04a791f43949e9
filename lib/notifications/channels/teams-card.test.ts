import { describe, expect, it } from "vitest";
import { sampleNotification } from "../testing/sample-notification";
import { escapeCardMarkdown, renderTeamsCard } from "./teams-card";

describe("renderTeamsCard", () => {
  it("wraps an Adaptive Card 1.4 in the envelope Teams Workflows expect, with a button back", () => {
    const notification = sampleNotification("cost.anomaly");
    const envelope = renderTeamsCard(notification);
    expect(envelope.type).toBe("message");
    expect(envelope.attachments).toHaveLength(1);
    const { contentType, content } = envelope.attachments[0]!;
    expect(contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(content.actions).toEqual([{ type: "Action.OpenUrl", title: "Open the workload", url: notification.link }]);
    expect(JSON.stringify(content)).not.toContain("MessageCard");
    const facts = content.body.find((e) => e.type === "FactSet") as { facts: { title: string; value: string }[] };
    expect(facts.facts).toContainEqual({ title: "Cluster", value: "prod-eu" });
    expect(JSON.stringify(content.body)).toContain("Medium  ·  Acme / Payments  ·  2026-03-12 10:04 UTC");
  });

  it("keeps names as text: runs are not markdown, fact values are escaped", () => {
    const card = renderTeamsCard(
      sampleNotification("finding_group.opened", {
        title: "[click me](https://evil.example)",
        facts: [{ label: "Namespace", value: "[click me](https://evil.example) **bold**" }],
      }),
    ).attachments[0]!.content;
    const title = card.body[0] as { type: string; inlines: { type: string; text: string }[] };
    expect(title.type).toBe("RichTextBlock");
    expect(title.inlines[0]).toMatchObject({ type: "TextRun", text: "[click me](https://evil.example)" });
    const facts = card.body.find((e) => e.type === "FactSet") as { facts: { value: string }[] };
    expect(facts.facts[0]!.value).toBe("\\[click me\\](https://evil.example) \\*\\*bold\\*\\*");
    expect(escapeCardMarkdown("prod-eu.v1")).toBe("prod-eu.v1");
    expect(escapeCardMarkdown("- item")).toBe("\\- item");
  });

  it("shows the sample and how many more", () => {
    const text = JSON.stringify(renderTeamsCard(sampleNotification("finding_group.opened")));
    expect(text).toContain("• Deployment payments/api");
    expect(text).toContain("…and 9 more");
  });
});
