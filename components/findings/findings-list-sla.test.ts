import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { DEFAULT_FILTERS } from "@/lib/domain/finding-filters";
import { orgWideScope, type TFindingScope } from "@/lib/auth/visibility-scope";
import { listFindings } from "@/lib/findings/queries";
import { ruleFilterChoices } from "@/lib/findings/rule-choices";
import { insertRule, insertSlaFinding } from "@/lib/findings/sla-testing";
import { filterNamesOf } from "@/lib/findings/page-state";
import { FindingsFilterBar } from "./findings-filter-bar";
import { FindingsTable } from "./findings-table";
import { toListRows } from "./list-rows";

// The list as the server renders it: a Due column (overdue in red), tags on each row, and the
// Due, Tag and Rule menus, whose rules are the org's and the viewer's teams' only.

describe("the findings list with due dates, tags and rules", () => {
  let t: Awaited<ReturnType<typeof createTestTenant>>;
  let orgRule: string;
  let teamRule: string;
  let otherTeamRule: string;

  beforeAll(async () => {
    t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    orgRule = await insertRule(t.org.id, "PCI workloads", { actions: { addTags: ["pci", "audit"] } });
    teamRule = await insertRule(t.org.id, "Payments on-call", { teamId: t.team.id, actions: { addTags: ["oncall"] } });
    otherTeamRule = await insertRule(t.org.id, "Their secret rule", {
      teamId: t.otherTeam.id,
      actions: { addTags: ["secret"] },
    });
    const base = { orgId: t.org.id, clusterId: cluster.id };
    await insertSlaFinding({
      ...base,
      title: "late",
      startedDaysAgo: 10,
      tags: ["pci", "audit", "oncall", "extra"],
      ruleMarks: { tags: { pci: orgRule } },
    });
    await insertSlaFinding({ ...base, title: "soon", startedDaysAgo: 2 });
    await insertSlaFinding({ ...base, title: "no sla", severity: "low" });
  });

  it("offers the org's rules and the viewer's teams' rules, with the tags they add", async () => {
    const member: TFindingScope = { orgId: t.org.id, teamIds: [t.team.id], unassigned: false };
    const choices = await ruleFilterChoices(member);
    expect(choices.rules.map((r) => r.id)).toEqual([orgRule, teamRule]);
    expect(choices.rules[1].team).toBe(t.team.name);
    expect(choices.tags).toEqual(["audit", "oncall", "pci"]);
    const admin = await ruleFilterChoices(orgWideScope(t.org.id));
    expect(admin.rules.map((r) => r.id)).toContain(otherTeamRule);
    const stranger = await createTestTenant();
    expect(await ruleFilterChoices(orgWideScope(stranger.org.id))).toEqual({ rules: [], tags: [] });
  });

  it("shows each row's due date, overdue in red, and at most three tags", async () => {
    const now = new Date();
    const page = await listFindings(orgWideScope(t.org.id), DEFAULT_FILTERS, { userId: null }, { limit: 10 });
    const rows = toListRows(page.data, { now, hrefOf: (id) => `/f/${id}`, canTriage: () => false });
    const html = renderToStaticMarkup(h(FindingsTable, { orgSlug: "acme", rows, people: [], viewerId: "x" }));
    expect(html).toContain(">Due</th>");
    expect(html).toMatch(/class="[^"]*text-red-700[^"]*">3 days overdue<\/time>/);
    expect(html).toContain(">in 5 days</time>");
    expect(html).toMatch(/<tr[^>]*>(?:(?!<\/tr>).)*no sla(?:(?!<\/tr>).)*>—<\/span>/);
    expect(html).toContain(">pci</li>");
    expect(html).toContain(">+1</li>");
    expect(html).not.toContain(">extra</li>");
  });

  it("has Due, Tag and Rule menus that submit the URL's parameters", async () => {
    const choices = await ruleFilterChoices(orgWideScope(t.org.id));
    const filters = { ...DEFAULT_FILTERS, overdue: true, rule: [orgRule], tag: ["pci"] };
    const html = renderToStaticMarkup(
      h(FindingsFilterBar, {
        action: "/o/acme/findings",
        filters,
        names: filterNamesOf([], [], [], choices.rules),
        choices: {
          teams: [],
          unassigned: true,
          clusters: [],
          namespaces: [],
          people: [],
          viewerId: "x",
          rules: choices.rules,
          tags: choices.tags,
        },
      }),
    );
    const input = (name: string, value?: string) =>
      (html.match(/<input[^>]*>/g) ?? []).find(
        (tag) => tag.includes(`name="${name}"`) && (value === undefined || tag.includes(`value="${value}"`)),
      ) ?? "";
    expect(input("overdue", "true")).toContain('checked=""');
    expect(input("due")).toContain('type="date"');
    expect(input("rule", orgRule)).toContain('checked=""');
    expect(input("tag", "pci")).toContain('checked=""');
    expect(input("tag", "audit")).not.toContain("checked");
    expect(html).toContain("Their secret rule");
    // The menu's button says what is chosen.
    expect(html).toContain('<span class="font-medium">Overdue</span>');
  });

  it("counts and pages only what the new filters keep", async () => {
    const overdue = { ...DEFAULT_FILTERS, overdue: true };
    const first = await listFindings(orgWideScope(t.org.id), overdue, { userId: null }, { limit: 1 });
    expect(first.data.map((f) => f.title)).toEqual(["late"]);
    expect(first.nextCursor).toBeNull();
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND state = 'open'`,
      [t.org.id],
    );
    expect(rows[0].n).toBe(3);
  });
});
