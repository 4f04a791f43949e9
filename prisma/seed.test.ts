import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/server/env";
import { startFakeGithub, type TFakeGithub } from "@/lib/testing/fake-github";
import { startFakeJira, type TFakeJira } from "@/lib/testing/fake-jira";
import { db, pool } from "@/lib/server/db";
import { COST_DAYS, demoCostReports } from "./demo/cost-reports";
import { DEMO_CLUSTERS } from "./demo/inventory";
import { PHASE_REPORTS } from "./demo/phases";
import { DEMO_ORG_SLUG, DEMO_USERS, seedDemo } from "./seed";

const DAY_MS = 24 * 60 * 60 * 1000;

async function rows<T extends Record<string, unknown>>(sql: string, orgId: string): Promise<T[]> {
  return (await pool.query<T>(sql, [orgId])).rows;
}

/** Everything the seed writes for the org, so a second run can be compared to the first. */
async function snapshot(orgId: string) {
  const count = async (table: string) =>
    (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, orgId))[0].n;
  const tables = [
    "memberships",
    "teams",
    "team_memberships",
    "clusters",
    "api_tokens",
    "reports",
    "resources",
    "tickets",
    "notification_connections",
  ];
  const counts = Object.fromEntries(
    await Promise.all([...tables, "findings", "finding_events", "images"].map(async (t) => [t, await count(t)])),
  );
  const findings = await rows(
    `SELECT fingerprint, status, owner_team_id, first_seen_at, last_seen_at, fixed_at, updated_at
       FROM findings WHERE org_id = $1 ORDER BY fingerprint`,
    orgId,
  );
  const reports = await rows(`SELECT id, status, received_at FROM reports WHERE org_id = $1 ORDER BY id`, orgId);
  return { counts, findings, reports };
}

describe("seedDemo", () => {
  let orgId: string;
  let jira: TFakeJira;
  let github: TFakeGithub;
  const DEMO_ENV = [
    "BUMPERS_DEMO_SLACK_URL",
    "BUMPERS_DEMO_JIRA_URL",
    "BUMPERS_DEMO_GITHUB_URL",
    "BUMPERS_ALLOW_PRIVATE_DESTINATIONS",
    "NEXTAUTH_URL",
  ];

  beforeAll(async () => {
    await db.organization.deleteMany({ where: { slug: DEMO_ORG_SLUG } });
    // As under `npm start`, which runs a local Slack, Jira and GitHub and says where; the app is not up.
    jira = await startFakeJira({ port: 0, webhookRetryDelaysMs: [] });
    github = await startFakeGithub({ port: 0 });
    Object.assign(process.env, {
      BUMPERS_DEMO_SLACK_URL: "http://127.0.0.1:9",
      BUMPERS_DEMO_JIRA_URL: jira.url,
      BUMPERS_DEMO_GITHUB_URL: github.url,
      BUMPERS_ALLOW_PRIVATE_DESTINATIONS: "true",
      NEXTAUTH_URL: "http://127.0.0.1:9",
    });
    resetEnvCache();
    const result = await seedDemo({ password: "demo-password-for-tests" }).finally(() => {
      for (const name of DEMO_ENV) delete process.env[name];
      resetEnvCache();
    });
    expect(result.created).toBe(true);
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } })).id;
  }, 120_000);

  it("processes every report the agents uploaded, with their versions", async () => {
    const reports = await rows<{ cluster: string; type: string; status: string; agent_version: string }>(
      `SELECT c.slug AS cluster, r.type, r.status, r.agent_version
         FROM reports r JOIN clusters c ON c.id = r.cluster_id WHERE r.org_id = $1`,
      orgId,
    );
    expect(reports.filter((r) => r.status !== "processed")).toEqual([]);
    for (const cluster of DEMO_CLUSTERS) {
      const types = new Set(reports.filter((r) => r.cluster === cluster.slug).map((r) => r.type));
      const costTypes = demoCostReports(cluster, new Date()).map((r) => r.type);
      expect([...types].sort()).toEqual([...new Set([...Object.values(PHASE_REPORTS).flat(), ...costTypes])].sort());
      expect(
        reports.filter((r) => r.cluster === cluster.slug).every((r) => r.agent_version === cluster.agentVersion),
      ).toBe(true);
    }
  });

  it("builds each cluster's inventory from its workloads report", async () => {
    const inventory = await rows<{ cluster: string; version: string; nodes: number; workloads: number }>(
      `SELECT c.slug AS cluster, c.kubernetes_version AS version,
              count(*) FILTER (WHERE r.kind = 'Node' AND r.removed_at IS NULL)::int AS nodes,
              count(*) FILTER (WHERE r.kind IN ('Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'))::int AS workloads
         FROM clusters c JOIN resources r ON r.cluster_id = c.id
        WHERE c.org_id = $1 GROUP BY c.slug, c.kubernetes_version ORDER BY c.slug`,
      orgId,
    );
    expect(inventory).toEqual([
      { cluster: "prod-us-east", version: "1.29+", nodes: 4, workloads: 19 },
      { cluster: "staging-eu", version: "1.30+", nodes: 2, workloads: 15 },
    ]);
    // The workloads the demo's team scopes were written for belong to those teams.
    const owners = await rows<{ name: string; team: string | null }>(
      `SELECT r.namespace || '/' || r.name AS name, t.slug AS team
         FROM resources r JOIN clusters c ON c.id = r.cluster_id LEFT JOIN teams t ON t.id = r.owner_team_id
        WHERE r.org_id = $1 AND c.slug = 'prod-us-east' AND r.kind IN ('Deployment', 'CronJob')
          AND r.name IN ('payments-api', 'storefront', 'coredns', 'nightly-export', 'jupyter-hub')`,
      orgId,
    );
    expect(Object.fromEntries(owners.map((o) => [o.name, o.team]))).toEqual({
      "payments-api/payments-api": "payments",
      "payments-sandbox/payments-api": null,
      "checkout-web/storefront": "checkout",
      "kube-system/coredns": "platform",
      "data-analytics/nightly-export": "payments",
      "data-analytics/jupyter-hub": null,
    });
  });

  it("gives every team open findings, leaves some unassigned, and has some fixed and reopened", async () => {
    const byOwner = await rows<{ team: string | null; open: number; fixed: number }>(
      `SELECT t.slug AS team, count(*) FILTER (WHERE f.status = 'open')::int AS open,
              count(*) FILTER (WHERE f.status = 'fixed')::int AS fixed
         FROM findings f LEFT JOIN teams t ON t.id = f.owner_team_id
        WHERE f.org_id = $1 GROUP BY t.slug`,
      orgId,
    );
    const open = Object.fromEntries(byOwner.map((r) => [r.team ?? "unassigned", r.open]));
    for (const team of ["payments", "checkout", "platform", "unassigned"]) expect(open[team]).toBeGreaterThan(0);
    expect(byOwner.reduce((n, r) => n + r.fixed, 0)).toBeGreaterThan(0);

    const sources = await rows<{ source: string; severity: string }>(
      `SELECT DISTINCT source, severity::text FROM findings WHERE org_id = $1 AND status = 'open'`,
      orgId,
    );
    expect(new Set(sources.map((s) => s.source))).toEqual(
      new Set(["polaris", "trivy", "pluto", "nova", "goldilocks", "kube-bench"]),
    );
    expect(new Set(sources.map((s) => s.severity))).toEqual(new Set(["critical", "high", "medium", "low"]));

    const events = await rows<{ kind: string }>(
      `SELECT DISTINCT kind::text FROM finding_events WHERE org_id = $1`,
      orgId,
    );
    // "ticket": the demo's tickets are on their findings' history; "tagged" and "due_changed": the
    // demo's automation rules ran as its reports arrived.
    expect(events.map((e) => e.kind).sort()).toEqual([
      "due_changed",
      "fixed",
      "opened",
      "removed",
      "reopened",
      "tagged",
      "ticket",
    ]);
    const [tagged] = await rows<{ pci: number; fixNow: number; hardening: number }>(
      `SELECT count(*) FILTER (WHERE 'pci' = ANY(tags))::int AS pci, count(*) FILTER (WHERE 'fix-now' = ANY(tags))::int AS "fixNow",
              count(*) FILTER (WHERE 'hardening' = ANY(tags))::int AS hardening
         FROM findings WHERE org_id = $1 AND status = 'open'`,
      orgId,
    );
    expect(tagged!.pci).toBeGreaterThan(0);
    expect(tagged!.hardening).toBeGreaterThan(0);
  });

  it("spreads the history over two weeks, with nothing in the future", async () => {
    const [span] = await rows<{ first: Date; last: Date; event_days: number; future: number }>(
      `SELECT (SELECT min(received_at) FROM reports WHERE org_id = $1) AS first,
              (SELECT max(received_at) FROM reports WHERE org_id = $1) AS last,
              (SELECT count(DISTINCT created_at::date)::int FROM finding_events WHERE org_id = $1) AS event_days,
              (SELECT count(*)::int FROM findings WHERE org_id = $1
                  AND greatest(first_seen_at, last_seen_at, fixed_at, updated_at) > now()) AS future`,
      orgId,
    );
    const now = Date.now();
    expect(now - span.first.getTime()).toBeGreaterThan(13 * DAY_MS);
    expect(now - span.first.getTime()).toBeLessThan(15 * DAY_MS);
    expect(now - span.last.getTime()).toBeLessThan(DAY_MS);
    expect(span.event_days).toBe(3);
    expect(span.future).toBe(0);
    // A finding fixed in the middle report was first seen in the first one, days earlier.
    const [fixedLater] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings
        WHERE org_id = $1 AND status = 'fixed' AND fixed_at - first_seen_at > interval '7 days'`,
      orgId,
    );
    expect(fixedLater.n).toBeGreaterThan(0);
  });

  it("has the trend rollups on the days the history happened", async () => {
    const [rollups] = await rows<{ days: number; opened: number; events: number; open: number; counted: number }>(
      `SELECT (SELECT count(DISTINCT day)::int FROM finding_daily WHERE org_id = $1) AS days,
              (SELECT sum(opened)::int FROM finding_daily WHERE org_id = $1) AS opened,
              (SELECT count(*)::int FROM finding_events WHERE org_id = $1 AND kind = 'opened') AS events,
              (SELECT count(*)::int FROM findings WHERE org_id = $1 AND state = 'open') AS open,
              (SELECT sum(count)::int FROM finding_counts WHERE org_id = $1 AND state = 'open') AS counted`,
      orgId,
    );
    expect(rollups.days).toBe(3);
    expect(rollups.opened).toBe(rollups.events);
    expect(rollups.counted).toBe(rollups.open);
  });

  it("has two months of cost per cluster from OpenCost, production reconciled to its bill, and two budgets", async () => {
    const days = await rows<{ cluster: string; days: number; sources: string[]; idle: number }>(
      `SELECT c.slug AS cluster, count(DISTINCT d.day)::int AS days, array_agg(DISTINCT d.source ORDER BY d.source) AS sources,
              sum(d.total_cost) FILTER (WHERE d.allocation = 'idle') AS idle
         FROM cost_daily d JOIN clusters c ON c.id = d.cluster_id WHERE d.org_id = $1 GROUP BY c.slug ORDER BY c.slug`,
      orgId,
    );
    expect(days.map((d) => [d.cluster, d.days])).toEqual([
      ["prod-us-east", COST_DAYS + 1],
      ["staging-eu", COST_DAYS + 1],
    ]);
    expect(days[0].sources).toEqual(["cloud", "opencost"]);
    expect(days[1].sources).toEqual(["opencost"]);
    expect(days.every((d) => d.idle > 0)).toBe(true);
    const [teams] = await rows<{ teams: number; unassigned: number }>(
      `SELECT count(DISTINCT owner_team_id)::int AS teams,
              count(*) FILTER (WHERE owner_team_id IS NULL AND allocation = 'workload')::int AS unassigned
         FROM cost_daily WHERE org_id = $1`,
      orgId,
    );
    expect(teams.teams).toBe(3);
    expect(teams.unassigned).toBeGreaterThan(0);
    const budgets = await rows<{ name: string; alerts: string[] }>(
      `SELECT b.name, array_remove(array_agg(a.threshold ORDER BY a.threshold), NULL) AS alerts
         FROM cost_budgets b LEFT JOIN cost_budget_alerts a ON a.budget_id = b.id
        WHERE b.org_id = $1 GROUP BY b.name ORDER BY b.name`,
      orgId,
    );
    expect(budgets.map((b) => b.name)).toEqual(["Payments platform", "Storefront"]);
    expect(budgets[0].alerts).toContain("actual:80");
    expect(budgets[1].alerts).toEqual([]);
  });

  it("has policy settings, a Payments override, an exemption and a week of admission decisions", async () => {
    const settings = await rows<{ check: string; blocks: string }>(
      `SELECT check_id AS check, concat_ws(',', CASE WHEN NOT enabled THEN 'off' END,
              CASE WHEN block_admission THEN 'admission' END, CASE WHEN block_ci THEN 'ci' END) AS blocks
         FROM policy_settings WHERE org_id = $1 ORDER BY check_id`,
      orgId,
    );
    expect(settings).toEqual([
      { check: "hostPathSet", blocks: "ci" },
      { check: "runAsPrivileged", blocks: "admission,ci" },
      { check: "topologySpreadConstraint", blocks: "off" },
    ]);
    const [counts] = await rows<{ overrides: number; exemptions: number }>(
      `SELECT (SELECT count(*)::int FROM team_policy_settings WHERE org_id = $1) AS overrides,
              (SELECT count(*)::int FROM policy_exemptions WHERE org_id = $1) AS exemptions`,
      orgId,
    );
    expect(counts).toEqual({ overrides: 1, exemptions: 1 });
    const decisions = await rows<{ outcome: string; passive: boolean; teams: number; n: number; oldest: Date }>(
      `SELECT outcome::text, passive, count(DISTINCT team_id)::int AS teams, count(*)::int AS n, min(created_at) AS oldest
         FROM admission_decisions WHERE org_id = $1 GROUP BY outcome, passive ORDER BY outcome, passive`,
      orgId,
    );
    expect(decisions.map((d) => [d.outcome, d.passive])).toEqual([
      ["allowed", false],
      ["denied", false],
      ["warned", false],
      ["warned", true],
    ]);
    expect(decisions.reduce((n, d) => n + d.n, 0)).toBeGreaterThanOrEqual(50);
    expect(decisions.every((d) => Date.now() - d.oldest.getTime() < 7 * DAY_MS)).toBe(true);
  });

  it("has a week of CI scans, owned by the teams' repository patterns, with a blocking feature branch", async () => {
    const branches = await rows<{ branch: string; team: string | null; open: number; blocking: number; scans: number }>(
      `SELECT s.repository || '@' || s.branch AS branch, t.slug AS team, count(*)::int AS scans,
              (array_agg(s.results ORDER BY s.created_at DESC))[1] AS open,
              (array_agg(s.blocking ORDER BY s.created_at DESC))[1] AS blocking
         FROM ci_scans s LEFT JOIN teams t ON t.id = s.owner_team_id
        WHERE s.org_id = $1 GROUP BY 1, 2 ORDER BY 1`,
      orgId,
    );
    expect(branches.map((b) => [b.branch, b.team, b.scans])).toEqual([
      ["acme/checkout-web@main", "checkout", 2],
      ["acme/data-notebooks@main", null, 1],
      ["acme/payments-api@feature/ledger-v2", "payments", 1],
      ["acme/payments-api@main", "payments", 3],
      ["acme/platform-ingress@main", "platform", 1],
    ]);
    const byBranch = Object.fromEntries(branches.map((b) => [b.branch, b]));
    expect(byBranch["acme/payments-api@feature/ledger-v2"].blocking).toBeGreaterThan(0);
    expect(byBranch["acme/payments-api@main"].blocking).toBe(0);
    // The branch's open CI findings are its latest scan's results; main's older ones were fixed.
    const findings = await rows<{ branch: string; open: number; fixed: number }>(
      `SELECT repository || '@' || branch AS branch, count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'fixed')::int AS fixed
         FROM ci_findings WHERE org_id = $1 GROUP BY 1 ORDER BY 1`,
      orgId,
    );
    for (const f of findings) expect(f.open).toBe(byBranch[f.branch].open);
    expect(findings.find((f) => f.branch === "acme/payments-api@main")!.fixed).toBeGreaterThan(0);
  });

  it("connects Acme to the local Slack, with the history's first messages already queued", async () => {
    const subscriptions = await rows<{ name: string; team: string | null; personal: boolean; target: string }>(
      `SELECT s.name, t.slug AS team, s.user_id IS NOT NULL AS personal, s.target_label AS target
         FROM notification_subscriptions s LEFT JOIN teams t ON t.id = s.team_id
        WHERE s.org_id = $1 ORDER BY s.created_at, s.name`,
      orgId,
    );
    expect(subscriptions.map((s) => [s.team, s.target, s.personal])).toEqual([
      ["payments", "#payments-alerts", false],
      ["payments", "#payments-alerts", false],
      ["platform", "#platform-oncall", false],
      [null, "security-leads@acme.example", false],
      ["payments", "", true],
    ]);
    const queued = await rows<{ target: string; n: number }>(
      `SELECT target, count(*)::int AS n FROM alert_events WHERE org_id = $1 AND action = 'notify' GROUP BY 1 ORDER BY 1`,
      orgId,
    );
    expect(queued.find((q) => q.target === "C0000PAYMENT")?.n).toBeGreaterThan(0);
    // One message per configuration finding group, not one per image vulnerability.
    expect(queued.find((q) => q.target === "C0000PAYMENT")?.n).toBeLessThan(40);
    // The two mailed digests, sent once at seeding.
    expect(queued.find((q) => q.target === "security-leads@acme.example")?.n).toBe(1);
    expect(queued.find((q) => q.target === "lead@acme.example")?.n).toBe(1);
  });

  it("files Payments' tickets in the fake Jira and Platform's in the fake GitHub, and closes one in Jira", async () => {
    const tickets = await rows<{ team: string; key: string; state: string }>(
      `SELECT t.slug AS team, k.external_key AS key, k.state::text AS state
         FROM tickets k JOIN teams t ON t.id = k.team_id WHERE k.org_id = $1 ORDER BY k.external_key`,
      orgId,
    );
    expect(tickets.map((t) => [t.team, t.key, t.state])).toEqual([
      ["payments", "PAY-1", "open"],
      ["payments", "PAY-2", "open"],
      ["platform", "acme/platform#1", "open"],
    ]);
    // Made through the providers: the issues are in the fakes, and a person marked PAY-1 Done.
    expect([...jira.issues.values()].map((i) => [i.key, i.status])).toEqual([
      ["PAY-1", "Done"],
      ["PAY-2", "To Do"],
    ]);
    expect(github.issues("acme/platform").map((i) => i.number)).toEqual([1]);
    // The fakes send their changes to the app's webhook routes for these connections.
    const connections = await rows<{ id: string; kind: string }>(
      `SELECT id, kind FROM notification_connections WHERE org_id = $1 AND kind IN ('jira_cloud', 'github') ORDER BY kind::text`,
      orgId,
    );
    const [githubConnection, jiraConnection] = connections;
    const auth = {
      authorization: `Basic ${Buffer.from("bumpers-bot@example.com:fake-jira-api-token-0123456789").toString("base64")}`,
    };
    const [jiraHook] = (await (await fetch(`${jira.url}/rest/webhooks/1.0/webhook`, { headers: auth })).json()) as {
      url: string;
    }[];
    expect(jiraHook.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:9/api/v1/webhooks/jira/${jiraConnection.id}/.+`));
    const [githubHook] = (await (
      await fetch(`${github.url}/repos/acme/platform/hooks`, { headers: { authorization: `Bearer ${github.token}` } })
    ).json()) as { config: { url: string } }[];
    expect(githubHook.config.url).toBe(`http://127.0.0.1:9/api/v1/webhooks/github/${githubConnection.id}`);
    await jira.flushWebhooks();
    expect(jira.deliveries.filter((d) => d.event === "jira:issue_updated").map((d) => d.body.issue)).toEqual([
      expect.objectContaining({ key: "PAY-1" }),
    ]);
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot(orgId);
    const users = await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    const again = await seedDemo({ password: "another-password" });
    expect(again.created).toBe(false);
    expect(await snapshot(orgId)).toEqual(before);
    expect(await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })).toBe(users);
  });

  afterAll(async () => {
    await jira?.close();
    await github?.close();
  });
});
