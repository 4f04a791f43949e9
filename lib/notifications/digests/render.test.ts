import { describe, expect, it } from "vitest";
import { renderDigestSlack, renderDigestTeams, renderDigestWebhook, type TSlackBlock } from "./render";
import { trend } from "./render-text";
import { zeroCounts, type TDigest } from "./types";

// The renderers are pure: a digest in, a channel's message out. What a reader would notice: the
// counts with their trend, the top five as links, cost, budgets, stale clusters, a button to the
// team's page, the "all clear" variant, data that cannot inject markup, and Slack's limits kept.

const BASE = "https://bumpers.example/o/acme";

function digest(overrides: Partial<TDigest> = {}): TDigest {
  return {
    kind: "weekly",
    org: { slug: "acme", name: "Acme" },
    team: { slug: "payments", name: "Payments" },
    period: {
      from: "2026-11-30T09:00:00.000Z",
      to: "2026-12-07T09:00:00.000Z",
      previousFrom: "2026-11-23T09:00:00.000Z",
      timeZone: "Europe/Paris",
      label: "Week of 30 Nov – 6 Dec 2026",
    },
    findings: {
      new: { critical: 2, high: 1, medium: 0, low: 0 },
      fixed: { critical: 0, high: 3, medium: 0, low: 0 },
      open: { critical: 5, high: 7, medium: 4, low: 0 },
      previous: {
        new: { critical: 1, high: 1, medium: 0, low: 0 },
        fixed: { critical: 0, high: 0, medium: 0, low: 0 },
        open: { critical: 3, high: 9, medium: 4, low: 0 },
      },
    },
    topToFix: [
      {
        title: "Should not be allowed to run as root",
        source: "polaris",
        check: "runAsRootAllowed",
        severity: "critical",
        urgent: 5,
        findings: 5,
        resources: 4,
        link: `${BASE}/findings?team=payments&source=polaris&check=runAsRootAllowed`,
      },
    ],
    cost: {
      currency: "USD",
      days: { from: "2026-11-30", to: "2026-12-06", previousFrom: "2026-11-23", previousTo: "2026-11-29" },
      total: 77,
      previous: 56,
      change: 0.375,
      movers: [
        { cluster: { slug: "prod", name: "Prod" }, namespace: "payments-api", cost: 70, previous: 35, delta: 35 },
      ],
      daily: [],
      link: `${BASE}/cost/teams/payments`,
    },
    budgets: [
      {
        name: "Payments monthly",
        scope: "team",
        team: { slug: "payments", name: "Payments" },
        monthlyAmount: 100,
        monthToDate: 66,
        forecast: 341,
        ratio: 0.66,
        crossed: ["actual:50"],
      },
    ],
    moreBudgets: 0,
    staleClusters: [{ slug: "old", name: "Old", lastReportAt: "2026-12-05T09:00:00.000Z", hoursSilent: 48 }],
    links: {
      findings: `${BASE}/findings?team=payments`,
      cost: `${BASE}/cost/teams/payments`,
      budgets: `${BASE}/cost/budgets`,
      clusters: `${BASE}/clusters`,
      home: `${BASE}/teams/payments`,
    },
    empty: false,
    generatedAt: "2026-12-07T09:00:12.000Z",
    ...overrides,
  };
}

const emptyDigest = () =>
  digest({
    empty: true,
    findings: {
      new: zeroCounts(),
      fixed: zeroCounts(),
      open: zeroCounts(),
      previous: { new: zeroCounts(), fixed: zeroCounts(), open: zeroCounts() },
    },
    topToFix: [],
    budgets: [],
    staleClusters: [],
  });

/** Every text of a Slack message, to check limits and escaping in one place. */
function slackTexts(blocks: TSlackBlock[]): { kind: string; text: string }[] {
  return blocks.flatMap((b) => {
    if (b.type === "header") return [{ kind: "header", text: b.text.text }];
    if (b.type === "section")
      return [
        ...(b.text ? [{ kind: "section", text: b.text.text }] : []),
        ...(b.fields ?? []).map((f) => ({ kind: "field", text: f.text })),
      ];
    if (b.type === "context") return b.elements.map((e) => ({ kind: "context", text: e.text }));
    if (b.type === "actions") return b.elements.map((e) => ({ kind: "button", text: e.text.text }));
    return [];
  });
}

const LIMITS: Record<string, number> = { header: 150, section: 3000, field: 2000, context: 3000, button: 75 };

describe("trend", () => {
  it("points up or down by the difference, or says nothing changed", () => {
    expect(trend(5, 3)).toBe("▲ 2");
    expect(trend(1, 4)).toBe("▼ 3");
    expect(trend(2, 2)).toBe("no change");
  });
});

describe("renderDigestSlack", () => {
  it("has a header, counts with trends per severity, the top five as links, cost, budgets, stale clusters and buttons", () => {
    const { text, blocks } = renderDigestSlack(digest());
    expect(blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Weekly digest: Payments" } });
    const texts = slackTexts(blocks).map((t) => t.text);
    expect(texts).toContain("*Critical*\n2 new (▲ 1) · 0 fixed (no change) · 5 open (▲ 2)");
    expect(texts).toContain("*High*\n1 new (no change) · 3 fixed (▲ 3) · 7 open (▼ 2)");
    // Severities with nothing at all are left out.
    expect(texts.some((t) => t.startsWith("*Low*"))).toBe(false);
    const all = texts.join("\n");
    expect(all).toContain(
      `1. <${BASE}/findings?team=payments&amp;source=polaris&amp;check=runAsRootAllowed|Should not be allowed to run as root> — Critical · 4 resources · 5 findings (runAsRootAllowed)`,
    );
    expect(all).toContain("*Cost:* $77.00 this week, +38% against $56.00 the week before");
    expect(all).toContain("• Prod / payments-api: +$35.00 ($35.00 → $70.00)");
    expect(all).toContain("• Payments monthly: $66.00 of $100.00 this month (66%), crossed: actual 50%");
    expect(all).toContain("• Old (old): no report for 48 h");
    const actions = blocks.find((b) => b.type === "actions");
    expect(actions).toMatchObject({
      elements: [
        { text: { text: "Open Payments" }, url: `${BASE}/teams/payments`, style: "primary" },
        { text: { text: "Findings" }, url: `${BASE}/findings?team=payments` },
        { text: { text: "Cost" }, url: `${BASE}/cost/teams/payments` },
      ],
    });
    expect(text).toBe(
      "Weekly digest: Payments (Week of 30 Nov – 6 Dec 2026): 3 new, 3 fixed, 16 open findings; cost $77.00 this week, +38% against $56.00 the week before; 1 stale cluster(s).",
    );
  });

  it("escapes &, < and > in data so nothing can open a link or mention a channel", () => {
    const d = digest({ team: { slug: "x", name: "R&D <!channel>" } });
    d.topToFix[0]!.title = "<https://evil.example|click> & more";
    d.staleClusters[0]!.name = "<@U123>";
    const { text, blocks } = renderDigestSlack(d);
    const all = [
      text,
      ...slackTexts(blocks)
        .filter((t) => t.kind !== "header" && t.kind !== "button")
        .map((t) => t.text),
    ].join("\n");
    expect(all).toContain("R&amp;D &lt;!channel&gt;");
    expect(all).toContain("|&lt;https://evil.example/click&gt; &amp; more>");
    expect(all).toContain("&lt;@U123&gt;");
    expect(all).not.toMatch(/<!channel>|<@U123>|<https:\/\/evil/);
  });

  it("stays inside Block Kit's limits with long names and long lists", () => {
    const long = "x".repeat(5000);
    const d = digest({
      team: { slug: "t", name: long },
      budgets: Array.from({ length: 10 }, (_, i) => ({ ...digest().budgets[0]!, name: `${long}${i}` })),
      moreBudgets: 25,
      staleClusters: Array.from({ length: 40 }, (_, i) => ({ ...digest().staleClusters[0]!, name: `c${i}` })),
    });
    d.topToFix = Array.from({ length: 5 }, () => ({ ...digest().topToFix[0]!, title: long }));
    const { text, blocks } = renderDigestSlack(d);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(text.length).toBeLessThanOrEqual(3000);
    for (const t of slackTexts(blocks)) expect(t.text.length, t.kind).toBeLessThanOrEqual(LIMITS[t.kind]!);
    for (const b of blocks) if (b.type === "section") expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
    const all = slackTexts(blocks)
      .map((t) => t.text)
      .join("\n");
    expect(all).toContain("…and 30 more"); // 40 stale clusters, 10 shown
    expect(all).toContain("…and 25 more"); // budgets the digest left out
  });

  it("says all clear, briefly, for an empty period", () => {
    const { text, blocks } = renderDigestSlack(emptyDigest());
    expect(blocks.map((b) => b.type)).toEqual(["header", "context", "section", "actions"]);
    expect(blocks[0]).toMatchObject({ text: { text: "All clear: Payments" } });
    expect(text).toBe(
      "All clear for Payments (Week of 30 Nov – 6 Dec 2026): no new or fixed findings, no critical or high findings open, no cost change and no stale cluster.",
    );
  });

  it("names the org's digest after the org", () => {
    const { blocks } = renderDigestSlack(digest({ team: null, links: { ...digest().links, home: BASE } }));
    expect(blocks[0]).toMatchObject({ text: { text: "Weekly digest: Acme (all teams)" } });
    const actions = blocks.find((b) => b.type === "actions");
    expect(actions?.type === "actions" && actions.elements[0]).toMatchObject({
      text: { text: "Open Acme" },
      url: BASE,
    });
  });
});

describe("renderDigestTeams", () => {
  it("is an Adaptive Card 1.4 in the Workflows message envelope, with facts, links and buttons", () => {
    const message = renderDigestTeams(digest());
    expect(message.type).toBe("message");
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = attachment!.content as {
      version: string;
      type: string;
      body: Record<string, unknown>[];
      actions: unknown[];
    };
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(card.body[0]).toMatchObject({ type: "TextBlock", text: "Weekly digest: Payments", size: "Large" });
    expect(card.body).toContainEqual({
      type: "FactSet",
      facts: [
        { title: "Critical", value: "2 new (▲ 1) · 0 fixed (no change) · 5 open (▲ 2)" },
        { title: "High", value: "1 new (no change) · 3 fixed (▲ 3) · 7 open (▼ 2)" },
        { title: "Medium", value: "0 new (no change) · 0 fixed (no change) · 4 open (no change)" },
      ],
    });
    const texts = card.body.map((b) => String(b.text ?? "")).join("\n");
    expect(texts).toContain(
      `1. [Should not be allowed to run as root](${BASE}/findings?team=payments&source=polaris&check=runAsRootAllowed)`,
    );
    expect(texts).toContain("- Payments monthly: $66.00 of $100.00 this month \\(66%\\), crossed: actual 50%");
    expect(card.actions[0]).toEqual({ type: "Action.OpenUrl", title: "Open Payments", url: `${BASE}/teams/payments` });
  });

  it("keeps Markdown in data from becoming links or emphasis", () => {
    const d = digest({ team: { slug: "x", name: "*Team* [x](https://evil.example)" } });
    const card = renderDigestTeams(d).attachments[0]!.content as { body: { text?: string }[] };
    expect(card.body[0]!.text).toBe("Weekly digest: \\*Team\\* \\[x\\]\\(https://evil.example\\)");
  });

  it("says all clear for an empty period", () => {
    const card = renderDigestTeams(emptyDigest()).attachments[0]!.content as { body: { text?: string }[] };
    expect(card.body.map((b) => b.text)).toEqual([
      "All clear: Payments",
      "Week of 30 Nov – 6 Dec 2026 · Acme",
      expect.stringContaining("All clear for Payments"),
    ]);
  });
});

describe("renderDigestWebhook", () => {
  it("sends the digest as data, typed by its period", () => {
    expect(renderDigestWebhook(digest())).toEqual({
      type: "digest.weekly",
      timestamp: "2026-12-07T09:00:12.000Z",
      data: digest(),
    });
    expect(renderDigestWebhook(digest({ kind: "daily" })).type).toBe("digest.daily");
    expect(renderDigestWebhook(emptyDigest()).data.empty).toBe(true);
  });
});
