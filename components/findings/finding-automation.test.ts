import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { getFinding, type TFindingDetail } from "@/lib/findings/get-finding";
import { insertRule, insertSlaFinding } from "@/lib/findings/sla-testing";
import { FindingHeader } from "./finding-cards";
import { FindingHistory } from "./finding-history";
import { StatusList, WhereList } from "./finding-sections";

// The finding page's pieces as the server renders them, for a finding rules have changed: the
// severity's rule and reason, the due date, the tags, "by rule X" notes and the history lines.

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("a finding changed by rules, on its page", () => {
  let t: Awaited<ReturnType<typeof createTestTenant>>;
  let orgRule: string;
  let teamRule: string;
  let finding: TFindingDetail;
  let deletedRule: string;

  beforeAll(async () => {
    t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    orgRule = await insertRule(t.org.id, "Sandbox namespaces are low priority", {
      actions: { severity: { to: "low", reason: "Sandboxes hold no customer data." } },
    });
    teamRule = await insertRule(t.org.id, "Payments on-call", { teamId: t.team.id });
    deletedRule = await insertRule(t.org.id, "Old rule");
    const id = await insertSlaFinding({
      orgId: t.org.id,
      clusterId: cluster.id,
      title: "Runs as root",
      severity: "low",
      reportedSeverity: "high",
      teamId: t.team.id,
      startedDaysAgo: 40,
      slaDays: 37,
      tags: ["pci", "platform"],
      ruleMarks: {
        severity: orgRule,
        assignee: teamRule,
        due: orgRule,
        team: orgRule,
        tags: { pci: teamRule, platform: deletedRule },
      },
    });
    await pool.query(`UPDATE findings SET assignee_id = $2 WHERE id = $1`, [id, t.users.editor.id]);
    const event = (kind: string, data: Record<string, unknown>, minutesAgo: number) =>
      pool.query(
        `INSERT INTO finding_events (org_id, finding_id, kind, data, created_at)
         VALUES ($1, $2, $3, $4, now() - make_interval(mins => $5))`,
        [t.org.id, id, kind, JSON.stringify(data), minutesAgo],
      );
    const rule = (rid: string, name: string, level: "org" | "team") => ({
      actorLabel: `rule "${name}"`,
      rule: { id: rid, name, level },
    });
    await event(
      "severity_changed",
      {
        ...rule(orgRule, "Sandbox namespaces are low priority", "org"),
        from: "high",
        to: "low",
        reason: "Sandboxes hold no customer data.",
      },
      30,
    );
    await event("assigned", { ...rule(teamRule, "Payments on-call", "team"), assigneeName: "Dana" }, 20);
    await event("tagged", { ...rule(deletedRule, "Old rule", "org"), tags: ["platform"] }, 10);
    await event("sla_breached", { actorLabel: "Bumpers", due: "2026-12-03T09:00:00Z", days: 37 }, 5);
    await pool.query(`DELETE FROM automation_rules WHERE id = $1`, [deletedRule]);
    finding = await getFinding(orgWideScope(t.org.id), id);
  });

  it("reads the due date, tags, reported severity and the rules behind each value", () => {
    expect(finding).toMatchObject({
      severity: "low",
      reportedSeverity: "high",
      tags: ["pci", "platform"],
      dueDays: 37,
      overdue: true,
    });
    expect(Math.round((Date.now() - finding.due!.getTime()) / 86_400_000)).toBe(3);
    expect(finding.changedByRules.sort()).toEqual([orgRule, teamRule, deletedRule].sort());
    expect(finding.rules.fields.severity).toMatchObject({
      name: "Sandbox namespaces are low priority",
      level: "org",
      reason: "Sandboxes hold no customer data.",
    });
    expect(finding.rules.fields.assignee).toMatchObject({ id: teamRule, level: "team", teamSlug: t.team.slug });
    // The deleted rule is named nowhere: there is nothing to link.
    expect(Object.keys(finding.rules.tags)).toEqual(["pci"]);
  });

  it("shows the rule and reason beside the severity, the due date in red, and the tags", () => {
    const html = renderToStaticMarkup(
      h(FindingHeader, { orgSlug: "acme", finding, backHref: "/o/acme/findings", now: new Date() }),
    );
    expect(text(html)).toContain(
      'set by rule "Sandbox namespaces are low priority": Sandboxes hold no customer data. (reported: High)',
    );
    expect(html).toContain(`href="/o/acme/settings/automation/${orgRule}"`);
    expect(text(html)).toMatch(/3 days overdue \(37 days, by rule "Sandbox namespaces are low priority"\)/);
    expect(html).toMatch(/class="[^"]*text-red-700[^"]*">3 days overdue/);
    expect(html).toContain('title="pci: added by rule &quot;Payments on-call&quot;"');
  });

  it("notes which rule assigned it and gave it to its team", () => {
    const status = renderToStaticMarkup(h(StatusList, { orgSlug: "acme", finding, now: new Date(), viewerId: "x" }));
    expect(text(status)).toContain('by rule "Payments on-call" (team)');
    expect(status).toContain(`href="/o/acme/teams/${t.team.slug}/automation/${teamRule}"`);
    const where = renderToStaticMarkup(h(WhereList, { orgSlug: "acme", finding, teamHref: null }));
    expect(text(where)).toContain('by rule "Sandbox namespaces are low priority"');
  });

  it("explains every change in the history, linking rules that still exist", () => {
    const html = renderToStaticMarkup(
      h(FindingHistory, { orgSlug: "acme", events: finding.events, source: finding.source, now: new Date() }),
    );
    const lines = text(html);
    expect(lines).toContain("Past its due date (due 3 Dec, 37-day SLA)");
    expect(lines).toContain('Tagged platform by rule "Old rule"');
    expect(lines).toContain('Assigned to Dana by rule "Payments on-call"');
    expect(lines).toContain(
      'Severity lowered from High to Low by rule "Sandbox namespaces are low priority" (org): Sandboxes hold no customer data.',
    );
    expect(html).toContain(`href="/o/acme/teams/${t.team.slug}/automation/${teamRule}"`);
    expect(html).not.toContain(deletedRule);
  });
});
