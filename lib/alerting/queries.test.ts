import { describe, expect, it } from "vitest";
import { findingScopeOf, orgWideScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { createTestCluster, type createTestTenant } from "@/lib/testing/factories";
import type { TOrgAccess } from "@/lib/auth/access";
import { listDestinations } from "./destinations/queries";
import { previewRules } from "./preview";
import { getAlertGroup, listAlertFeed, listDeliveryLog, listOpenIncidents } from "./queries";
import { listAllRules } from "./rules/queries";
import { insertFindings, outbox, tenantWithRule } from "./test-helpers";

async function tenantWithAlerts() {
  const { t, key, destination } = await tenantWithRule({
    name: "Criticals",
    match: { minSeverity: "critical" },
    useTeamDestination: true,
    pdSeverity: "critical",
  });
  const cluster = await createTestCluster(t.org.id);
  for (const [teamId, checkId] of [
    [t.team.id, "CVE-team"],
    [t.otherTeam.id, "CVE-other"],
    [null, "CVE-unassigned"],
  ] as const) {
    await insertFindings({ orgId: t.org.id, clusterId: cluster.id, teamId, checkId, severity: "critical", count: 3 });
  }
  return { t, key, destination };
}

const memberAccess = (t: Awaited<ReturnType<typeof createTestTenant>>, teamId: string): TOrgAccess => ({
  user: {
    id: t.users.viewer.id,
    email: t.users.viewer.email,
    name: t.users.viewer.name,
    signIn: { method: "password", ssoOrgId: null },
  },
  org: { id: t.org.id, slug: t.org.slug, name: t.org.name },
  role: "member",
  teamRoles: new Map([[teamId, "viewer"]]),
  breakGlass: false,
});

describe("alert feed, delivery log and open incidents", () => {
  it("team members see their team's alerts and deliveries; org admins see all; other orgs nothing", async () => {
    const { t, destination } = await tenantWithAlerts();
    const other = await tenantWithAlerts();
    const admin = orgWideScope(t.org.id);
    const member = findingScopeOf(memberAccess(t, t.team.id));

    expect((await listAlertFeed(admin)).data.map((g) => g.subject).sort()).toEqual([
      "trivy/CVE-other",
      "trivy/CVE-team",
      "trivy/CVE-unassigned",
    ]);
    expect((await listAlertFeed(member)).data.map((g) => g.subject)).toEqual(["trivy/CVE-team"]);
    expect((await listAlertFeed(member, { teamId: t.otherTeam.id })).data).toEqual([]);
    expect((await listDeliveryLog(admin)).data).toHaveLength(3);
    expect((await listDeliveryLog(member)).data.map((e) => e.groupTitle)).toEqual(["CVE-team is wrong"]);
    expect(
      (await listDeliveryLog(admin, { destinationId: destination.id, action: "trigger", status: "pending" })).data,
    ).toHaveLength(3);
    // Routes are open from the trigger on (a resolve goes to where the trigger went).
    expect((await listOpenIncidents(member)).map((i) => i.title)).toEqual(["CVE-team is wrong"]);
    expect((await listOpenIncidents(admin)).length).toBe(3);

    // Another org's ids and scope see none of it.
    const otherScope = orgWideScope(other.t.org.id);
    expect((await listDeliveryLog(otherScope, { destinationId: destination.id })).data).toEqual([]);
    expect(await listOpenIncidents(otherScope, { destinationId: destination.id })).toEqual([]);
    const group = (await listAlertFeed(admin)).data[0]!;
    await expect(getAlertGroup(otherScope, group.id)).rejects.toMatchObject({ code: "not_found" });
    const otherTeamGroup = (await listAlertFeed(admin, { teamId: t.otherTeam.id })).data[0]!;
    await expect(getAlertGroup(member, otherTeamGroup.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("pages the feed and the log across equal sort keys; a page restarts on a tampered cursor", async () => {
    const { t } = await tenantWithAlerts();
    const admin = orgWideScope(t.org.id);
    // Everything changed at the same instant: only the ids order the rows.
    await pool.query(`UPDATE alert_groups SET updated_at = '2026-01-01T00:00:00Z' WHERE org_id = $1`, [t.org.id]);
    await pool.query(`UPDATE alert_events SET created_at = '2026-01-01T00:00:00Z' WHERE org_id = $1`, [t.org.id]);
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM alert_groups WHERE org_id = $1 ORDER BY id DESC`,
      [t.org.id],
    );
    const feed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAlertFeed>> = await listAlertFeed(admin, { limit: 2, cursor });
      feed.push(...page.data.map((g) => g.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(feed).toEqual(rows.map((r) => r.id));

    const log: string[] = [];
    do {
      const page: Awaited<ReturnType<typeof listDeliveryLog>> = await listDeliveryLog(admin, { limit: 1, cursor });
      log.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(log).toEqual((await outbox(t.org.id)).map((e) => e.id).reverse());

    const tampered = Buffer.from(JSON.stringify({ d: "next", k: ["yesterday", 1] })).toString("base64url");
    expect((await listAlertFeed(admin, { limit: 2, cursor: tampered })).data.map((g) => g.id)).toEqual(
      feed.slice(0, 2),
    );
    expect((await listDeliveryLog(admin, { limit: 2, cursor: "12" })).data.map((e) => e.id)).toEqual(log.slice(0, 2));
    await expect(listDeliveryLog(admin, { cursor: tampered }, { lenient: false })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("no read ever returns the routing key", async () => {
    const { t, key } = await tenantWithAlerts();
    const scope = orgWideScope(t.org.id);
    const everything = JSON.stringify(
      {
        destinations: await listDestinations(t.org.id),
        rules: await listAllRules(t.org.id),
        feed: await listAlertFeed(scope),
        log: await listDeliveryLog(scope),
        incidents: await listOpenIncidents(scope),
        preview: await previewRules(t.org.id, null),
      },
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    expect(everything).not.toContain(key);
    expect(everything).not.toMatch(/ciphertext|"v1\./i);
  });

  it("the preview shows what each rule would page for, with a draft in place", async () => {
    const { t } = await tenantWithAlerts();
    const [baseline] = await previewRules(t.org.id, null);
    expect(baseline).toMatchObject({ name: "Criticals", pagedGroups: 3, affectedResources: 9 });
    const team = await previewRules(t.org.id, t.team.id, {
      draft: { name: "Draft: no page", noPage: true, match: { minSeverity: "low", categories: ["efficiency"] } },
    });
    expect(team).toEqual([expect.objectContaining({ ruleId: "draft", groups: [], pagedGroups: 0 })]);
    const security = await previewRules(t.org.id, t.team.id, {
      draft: {
        name: "Draft: security",
        useTeamDestination: true,
        pdSeverity: "critical",
        match: { categories: ["security"] },
      },
    });
    expect(security[0]!.groups.map((g) => [g.check, g.affectedResources, g.destinations])).toEqual([
      ["trivy/CVE-team", 3, []],
    ]);
  });
});
