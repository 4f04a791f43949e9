import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import type { TOrgAccess } from "@/lib/auth/access";
import { DEFAULT_FILTERS, type TFindingFilters } from "@/lib/domain/finding-filters";
import { parseFindingFilters } from "@/lib/findings/filters";
import { getFinding } from "./get-finding";
import { findingsOverview } from "./overview";
import { eachFinding, listCheckGroups, listFindings, listResourceGroups, type TFindingRow } from "./queries";
import { findingScopeOf, orgWideScope, type TFindingScope } from "@/lib/auth/visibility-scope";
import { forgetSearchSample, searchIndexPatternFor } from "./search";
import { findingFilterOptions } from "./ui-filter-options";
import { findingsCsvStream } from "./csv";
import { findingsOfTicket, teamsWithVulnerability } from "./ticket-findings";
import { storeAndProcess } from "@/lib/testing/reports";
import { fixtureBytes } from "@/lib/testing/fixtures";

const POLARIS = fixtureBytes("../shared/fixtures/polaris/audit-dashboard-sample.json");
const TRIVY = fixtureBytes("../shared/fixtures/trivy-insights/v0.26-latest.json");

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;

function accessOf(t: TTenant, user: TTenant["users"][keyof TTenant["users"]], role: TOrgAccess["role"]): TOrgAccess {
  const teamRoles = new Map<string, "viewer" | "editor" | "admin">();
  if (user === t.users.editor) teamRoles.set(t.team.id, "editor");
  if (user === t.users.viewer) teamRoles.set(t.team.id, "viewer");
  if (user === t.users.teamAdmin) teamRoles.set(t.team.id, "admin");
  const signIn = { method: "password", ssoOrgId: null } as const;
  return {
    user: { id: user.id, email: user.email, name: user.name, signIn },
    org: t.org,
    role,
    teamRoles,
    breakGlass: false,
  };
}

const view = (change: Partial<TFindingFilters> = {}): TFindingFilters => ({ ...DEFAULT_FILTERS, ...change });
const me = { userId: null };

async function all(scope: TFindingScope, filters: TFindingFilters): Promise<TFindingRow[]> {
  const rows: TFindingRow[] = [];
  for await (const batch of eachFinding(scope, filters, me, 7)) rows.push(...batch);
  return rows;
}

describe("findings queries", () => {
  let t: TTenant;
  let other: TTenant;
  let admin: TFindingScope;
  let editor: TFindingScope;
  let outsider: TFindingScope;
  let total: number;

  beforeAll(async () => {
    t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    await setTeamScope(t.org.id, actor, t.team.id, [
      { effect: "include", cluster: "*", namespace: "kube-system", kind: "*", name: "*", labels: {} },
    ]);
    await setTeamScope(t.org.id, actor, t.otherTeam.id, [
      { effect: "include", cluster: "*", namespace: "local-path-storage", kind: "*", name: "*", labels: {} },
    ]);
    const prod = await createTestCluster(t.org.id, { slug: "prod" });
    await storeAndProcess(t.org.id, prod.id, "polaris", POLARIS);
    await storeAndProcess(t.org.id, prod.id, "trivy", TRIVY);
    other = await createTestTenant();
    const foreign = await createTestCluster(other.org.id, { slug: "prod" });
    await storeAndProcess(other.org.id, foreign.id, "polaris", POLARIS);
    admin = findingScopeOf(accessOf(t, t.users.admin, "admin"));
    editor = findingScopeOf(accessOf(t, t.users.editor, "member"));
    outsider = findingScopeOf(accessOf(t, t.users.member, "member"));
    const counted = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND state = 'open'`,
      [t.org.id],
    );
    total = counted.rows[0].n;
  });

  it("pages through every open finding of the org for an admin, worst first, without repeats", async () => {
    const rows = await all(admin, view());
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].score).toBeGreaterThanOrEqual(rows[i].score);
  });

  it("shows a team member only the team's findings, and a member of no team nothing", async () => {
    const rows = await all(editor, view());
    const owned = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE owner_team_id = $1 AND state = 'open'`,
      [t.team.id],
    );
    expect(rows.length).toBe(owned.rows[0].n);
    expect(rows.every((r) => r.team?.slug === t.team.slug)).toBe(true);
    // Its workloads' Polaris findings, and the vulnerabilities of images its workloads run.
    const polaris = rows.filter((r) => r.source === "polaris");
    expect(polaris).toHaveLength(18);
    expect(polaris.every((r) => r.namespace === "kube-system")).toBe(true);
    expect(rows.some((r) => r.source === "trivy")).toBe(true);
    expect(await all(outsider, view())).toEqual([]);
    // Naming another team in the filter does not widen the scope.
    expect(await all(editor, view({ team: [t.otherTeam.slug, "unassigned"] }))).toEqual([]);
  });

  it("never returns another org's findings, even for an org-wide scope", async () => {
    const rows = await all(orgWideScope(t.org.id), view());
    const foreign = await pool.query(`SELECT id FROM findings WHERE org_id = $1`, [other.org.id]);
    const ids = new Set(rows.map((r) => r.id));
    expect(foreign.rows.some((r) => ids.has(r.id))).toBe(false);
  });

  it("filters by severity, source, namespace, text, unassigned and first-seen range", async () => {
    const critical = await all(admin, view({ severity: ["critical"] }));
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((r) => r.severity === "critical")).toBe(true);
    const polaris = await all(admin, view({ source: ["polaris"], namespace: ["local-path-storage"] }));
    expect(polaris).toHaveLength(11);
    const text = await all(admin, view({ q: "coredns" }));
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((r) => `${r.title} ${r.name}`.toLowerCase().includes("coredns"))).toBe(true);
    const unassigned = await all(admin, view({ team: ["unassigned"] }));
    expect(unassigned.length).toBeGreaterThan(0);
    expect(unassigned.every((r) => r.team === null)).toBe(true);
    expect(await all(admin, view({ to: "2000-01-01" }))).toEqual([]);
    const percent = await all(admin, view({ q: "%" }));
    expect(percent).toEqual([]);
  });

  it("finds exactly what a plain ILIKE finds when only the text's rare words go to the index", async () => {
    // Statistics make some words common (in this database: titles shared by many findings).
    await pool.query("ANALYZE findings");
    forgetSearchSample();
    const { rows: titles } = await pool.query<{ q: string }>(
      `SELECT DISTINCT title || ' ' || name AS q FROM findings WHERE org_id = $1 AND state = 'open' ORDER BY 1`,
      [t.org.id],
    );
    const narrowed: string[] = [];
    for (const { q } of titles) if ((await searchIndexPatternFor(q)) !== null) narrowed.push(q);
    expect(narrowed.length).toBeGreaterThan(0);
    for (const q of narrowed.slice(0, 10)) {
      const plain = await pool.query<{ id: string }>(
        `SELECT id FROM findings WHERE org_id = $1 AND state = 'open' AND (title || ' ' || name) ILIKE $2`,
        [t.org.id, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
      const found = await all(admin, view({ q: q.toUpperCase() }));
      expect(found.map((r) => r.id).sort()).toEqual(plain.rows.map((r) => r.id).sort());
    }
  });

  it("keeps keyset order for every sort", async () => {
    for (const sort of ["first_seen", "last_seen", "resource"] as const) {
      const rows = await all(admin, view({ sort }));
      expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    }
  });

  it("groups by check with the number of affected resources, and by resource", async () => {
    const groups = await listCheckGroups(admin, view({ source: ["polaris"] }), me, { limit: 100 });
    const pull = groups.data.find((g) => g.checkId === "pullPolicyNotAlways")!;
    expect(pull).toMatchObject({ findings: 5, resources: 5, clusters: 1 });
    let cursor: string | null = null;
    const seen: string[] = [];
    do {
      const page: Awaited<ReturnType<typeof listCheckGroups>> = await listCheckGroups(admin, view(), me, {
        limit: 3,
        cursor,
      });
      seen.push(...page.data.map((g) => `${g.source}/${g.checkId}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const resources = await listResourceGroups(admin, view({ source: ["polaris"] }), me, { limit: 100 });
    const provisioner = resources.data.find((g) => g.name === "local-path-provisioner")!;
    expect(provisioner.findings).toBe(11);
  });

  it("returns a finding's detail with its history, and 404 outside the scope", async () => {
    const [first] = (await listFindings(editor, view(), me, { limit: 1 })).data;
    const detail = await getFinding(editor, first.id);
    expect(detail.events.map((e) => e.kind)).toEqual(["opened"]);
    expect(detail.team?.id).toBe(t.team.id);
    const [theirs] = (await listFindings(admin, view({ team: [t.otherTeam.slug] }), me, { limit: 1 })).data;
    await expect(getFinding(editor, theirs.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getFinding(editor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    const foreign = await pool.query<{ id: string }>(`SELECT id FROM findings WHERE org_id = $1 LIMIT 1`, [
      other.org.id,
    ]);
    await expect(getFinding(admin, foreign.rows[0].id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("links a Polaris check's documentation once on its detail", async () => {
    const polaris = await all(admin, view({ source: ["polaris"] }));
    expect(polaris.length).toBeGreaterThan(0);
    for (const row of polaris) {
      const detail = await getFinding(admin, row.id);
      const text = [detail.description, detail.remediation, ...detail.references].join("\n");
      const links = text.match(/https:\/\/polaris\.docs\.fairwinds\.com\/checks\/[a-z]+\//g) ?? [];
      expect(links).toHaveLength(1);
      expect(detail.description.length).toBeGreaterThan(0);
    }
  });

  it("shows image findings with the workloads running the image and the advisory text", async () => {
    const [vuln] = (
      await listFindings(admin, view({ source: ["trivy"], severity: ["critical", "high"] }), me, {
        limit: 1,
      })
    ).data;
    const detail = await getFinding(admin, vuln.id);
    expect(detail.image).not.toBeNull();
    expect(detail.description.length).toBeGreaterThan(0);
    expect(detail.workloads.length).toBeGreaterThan(0);
  });

  it("answers a clear 400 for a cursor that is not ours", async () => {
    await expect(listFindings(admin, view(), me, { limit: 5, cursor: "garbage" })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("summarizes the overview from the rollups, equal to counting findings", async () => {
    const overview = await findingsOverview(admin);
    const open = Object.values(overview.bySeverity).reduce((a, b) => a + b, 0);
    expect(open).toBe(total);
    expect(overview.byState.open).toBe(total);
    expect(overview.trend).toHaveLength(30);
    expect(overview.trend.at(-1)!.introduced).toBeGreaterThanOrEqual(total);
    expect(overview.worstClusters[0].cluster.slug).toBe("prod");
    const unassigned = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND owner_team_id IS NULL AND state = 'open'`,
      [t.org.id],
    );
    expect(overview.unassignedOpen).toBe(unassigned.rows[0].n);
    const mine = await findingsOverview(editor);
    const owned = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE owner_team_id = $1 AND state = 'open'`,
      [t.team.id],
    );
    expect(Object.values(mine.bySeverity).reduce((a, b) => a + b, 0)).toBe(owned.rows[0].n);
    expect(mine.unassignedOpen).toBeNull();
  });

  it("narrows the overview and the list to named teams in SQL, never beyond the scope", async () => {
    const count = async (condition: string) =>
      (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND state = 'open' AND ${condition}`,
          [t.org.id, t.team.id],
        )
      ).rows[0].n;
    const open = (o: Awaited<ReturnType<typeof findingsOverview>>) =>
      Object.values(o.bySeverity).reduce((a, b) => a + b, 0);
    const team = await findingsOverview(admin, new Date(), [t.team.slug]);
    expect(open(team)).toBe(await count("owner_team_id = $2"));
    expect(team.unassignedOpen).toBeNull();
    expect(team.newestCritical.every((r) => r.team?.slug === t.team.slug)).toBe(true);
    const withUnassigned = await findingsOverview(admin, new Date(), [t.team.slug, "unassigned"]);
    expect(open(withUnassigned)).toBe(await count("(owner_team_id = $2 OR owner_team_id IS NULL)"));
    expect(withUnassigned.unassignedOpen).toBe(await count("owner_team_id IS NULL AND $2::uuid IS NOT NULL"));
    expect(open(await findingsOverview(admin, new Date(), ["no-such-team"]))).toBe(0);
    // A member naming a team they are not on (or the unassigned bucket) sees nothing of it.
    expect(open(await findingsOverview(editor, new Date(), [t.otherTeam.slug, "unassigned"]))).toBe(0);
    const both = await all(admin, view({ team: [t.team.slug, t.otherTeam.slug] }));
    expect(both.length).toBe(
      await count("owner_team_id IN (SELECT id FROM teams WHERE org_id = $1) AND $2::uuid IS NOT NULL"),
    );
  });

  it("offers the chosen teams' clusters and namespaces in the filter menus, with the scope's totals", async () => {
    const access = accessOf(t, t.users.admin, "admin");
    const all = await findingFilterOptions(access, admin);
    const team = await findingFilterOptions(access, admin, { team: [t.team.slug], cluster: [] });
    expect(all.namespaces).toEqual(expect.arrayContaining(["kube-system", "local-path-storage"]));
    expect(team.namespaces).toContain("kube-system");
    expect(team.namespaces).not.toContain("local-path-storage");
    expect(team.clusters.map((c) => c.slug)).toEqual(["prod"]);
    // The counts stay those of the whole scope: the toolbar's "N open" and the empty states use them.
    expect(team.open).toBe(all.open);
    expect((await findingFilterOptions(access, admin, { team: ["no-such-team"], cluster: [] })).namespaces).toEqual([]);
    expect((await findingFilterOptions(access, admin, { team: [], cluster: ["elsewhere"] })).namespaces).toEqual([]);
  });

  it("filters by ticket (any, none, open, closed) through every page, and exports ticket keys in CSV", async () => {
    const [a, b, c, d] = (await all(admin, view())).map((r) => r.id);
    const ticket = async (state: string, key: string | null, findingIds: string[]): Promise<string> => {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO tickets (org_id, team_id, provider, problem_key, subject, title, external_key, state)
         VALUES ($1, $2, 'jira', $3, '{}', 't', $4, $5::ticket_state) RETURNING id`,
        [t.org.id, t.team.id, `test-${key ?? state}-${Math.random()}`, key, state],
      );
      for (const id of findingIds) {
        await pool.query(`INSERT INTO ticket_findings (org_id, ticket_id, finding_id) VALUES ($1, $2, $3)`, [
          t.org.id,
          rows[0].id,
          id,
        ]);
      }
      return rows[0].id;
    };
    await ticket("open", "PAY-1", [a]);
    const done = await ticket("done", "PAY-2", [b, c]);
    await ticket("creating", null, [c]);
    await ticket("failed", null, [d]);
    const ids = async (ticketFilter: TFindingFilters["ticket"]) =>
      (await all(admin, view({ ticket: ticketFilter }))).map((r) => r.id).sort();
    expect(await ids("any")).toEqual([a, b, c].sort());
    expect(await ids("open")).toEqual([a, c].sort());
    // Closed: every ticket of the finding is closed; c's other ticket is still being created.
    expect(await ids("closed")).toEqual([b]);
    const none = await ids("none");
    expect(none).toContain(d);
    expect(none).not.toContain(a);
    expect(none).toHaveLength(total - 3);
    // Another org's findings never count, whatever its tickets.
    expect(await all(findingScopeOf(accessOf(other, other.users.admin, "admin")), view({ ticket: "any" }))).toEqual([]);

    const csv = await new Response(findingsCsvStream(admin, view({ ticket: "any" }), me)).text();
    const [header, ...lines] = csv.trim().split("\n");
    // The ticket column comes after the ones scripts read by position; due, overdue and tags follow it.
    const ticketColumn = header.split(",").indexOf("ticket");
    expect(header.split(",").slice(ticketColumn)).toEqual(["ticket", "due", "overdue", "tags"]);
    const cellOf = (id: string) =>
      lines
        .find((l) => l.startsWith(id))
        ?.split(",")
        .at(ticketColumn - header.split(",").length);
    expect(cellOf(a)).toBe("PAY-1");
    expect(cellOf(c)).toBe("PAY-2");
    expect(lines).toHaveLength(3);

    // The ticket page lists the findings the viewer may see; another org's scope sees none.
    expect((await findingsOfTicket(admin, done)).map((f) => f.id).sort()).toEqual([b, c].sort());
    expect(await findingsOfTicket(orgWideScope(other.org.id), done)).toEqual([]);
  });

  it("names the teams with findings of a CVE, each with its count, within the caller's scope", async () => {
    const owned = (await all(admin, view({ source: ["trivy"] }))).find((r) => r.team && r.vulnerabilityId);
    expect(owned).toBeDefined();
    const cve = owned!.vulnerabilityId;
    const teams = await teamsWithVulnerability(admin, cve);
    const expected = (await all(admin, view({ source: ["trivy"], status: ["open", "snoozed", "resolved"] }))).filter(
      (r) => r.vulnerabilityId === cve && r.team?.slug === owned!.team!.slug,
    ).length;
    expect(teams.find((t) => t.slug === owned!.team!.slug)?.findings).toBe(expected);
    expect(await teamsWithVulnerability(outsider, cve)).toEqual([]);
  });

  it("parses the same filters the pages put in the URL", () => {
    const { filters } = parseFindingFilters(new URLSearchParams("severity=critical&category=security&group=check"));
    expect(filters).toMatchObject({ severity: ["critical"], category: ["security"], group: "check" });
  });
});
