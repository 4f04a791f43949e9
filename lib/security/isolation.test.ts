import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createTriageTenant, uploadReport } from "@/lib/findings/triage-testing";
import { pool } from "@/lib/server/db";
import { signInAs } from "@/lib/testing/session";
import { inventoryOfApp, type TRouteEntry } from "./route-inventory";
import { actorFor } from "@/lib/testing/factories";
import { fixtureBytes } from "@/lib/testing/fixtures";

// Tenant isolation, generated from the route inventory: every page, layout and API route with an
// id in its URL is called as each role of org A with (1) org B's ids, (2) org A's slug and org B's
// ids, (3) the ids of an org A team the caller is not on. Each must answer 404 (no existence leak).
// A positive control proves the same call with the caller's own ids works, so the 404s are the
// guard's doing and not a broken page. A new route whose parameter nobody taught this test fails.

// Pages that show connection commands read the request's host; give them one.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "bumpers.test", "x-forwarded-proto": "https" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

type TWorld = Awaited<ReturnType<typeof buildTenant>>;
type TRelation = "own" | "otherOrg" | "foreignIdsInOwnOrg" | "otherTeam";
type TOutcome = "ok" | "404" | "403" | "redirect" | `error: ${string}`;

const appDir = path.resolve(__dirname, "../../app");
const TRIVY = fixtureBytes("../shared/fixtures/trivy-insights/v0.26-latest.json");

async function buildTenant() {
  const t = await createTriageTenant();
  await uploadReport(t.org.id, t.cluster.id, "trivy", TRIVY);
  const actor = actorFor(t.users.admin);
  const destination = await createDestination(t.org.id, actor, {
    name: "Platform on call",
    routingKey: "R0123456789abcdef0123456789abcde",
    teamId: null,
  });
  const { rows } = await pool.query<{ cve: string }>(
    `SELECT vulnerability_id AS cve FROM findings
      WHERE org_id = $1 AND source = 'trivy' AND vulnerability_id <> '' ORDER BY 1 LIMIT 1`,
    [t.org.id],
  );
  if (!rows[0]) throw new Error("the Trivy fixture gave this tenant no vulnerability findings");
  // A ticket of each team: the ticket page is as private as the team's findings.
  const ticketOf = async (teamId: string) =>
    (
      await pool.query<{ id: string }>(
        `INSERT INTO tickets (org_id, team_id, provider, problem_key, subject, title, state)
         VALUES ($1, $2, 'jira', gen_random_uuid()::text, $3, 'A ticket', 'open') RETURNING id`,
        [t.org.id, teamId, JSON.stringify({ kind: "cve", vulnerabilityId: rows[0].cve })],
      )
    ).rows[0].id;
  const tickets = { team: await ticketOf(t.team.id), otherTeam: await ticketOf(t.otherTeam.id) };
  // Automation rules: the org's, each team's, and an apply job of the team's rule.
  const ruleOf = async (teamId: string | null) =>
    (
      await pool.query<{ id: string }>(
        `INSERT INTO automation_rules (org_id, team_id, position, name, actions)
         VALUES ($1, $2, 1, 'A rule', '{"snooze":{"days":7}}') RETURNING id`,
        [t.org.id, teamId],
      )
    ).rows[0].id;
  const rules = { org: await ruleOf(null), team: await ruleOf(t.team.id), otherTeam: await ruleOf(t.otherTeam.id) };
  const jobOf = async (ruleId: string) =>
    (
      await pool.query<{ id: string }>(`INSERT INTO automation_jobs (org_id, rule_id) VALUES ($1, $2) RETURNING id`, [
        t.org.id,
        ruleId,
      ])
    ).rows[0].id;
  const jobs = { team: await jobOf(rules.team), otherTeam: await jobOf(rules.otherTeam) };
  return { ...t, destinationId: destination.id, cve: rows[0].cve, tickets, rules, jobs };
}

/** The value of one URL parameter for a relation; null when the relation means nothing for it. */
function valueOf(param: string, file: string, relation: TRelation, a: TWorld, b: TWorld): string | null {
  const owner = relation === "otherOrg" || relation === "foreignIdsInOwnOrg" ? b : a;
  if (param === "org") return relation === "otherOrg" ? b.org.slug : a.org.slug;
  if (param === "team") return relation === "otherTeam" ? a.otherTeam.slug : owner.team.slug;
  if (param === "id" && file.includes("/findings/[id]")) {
    return relation === "otherTeam" ? a.findings.otherTeam[0] : owner.findings.team[0];
  }
  if (param === "id" && file.includes("/tickets/[id]")) {
    return relation === "otherTeam" ? a.tickets.otherTeam : owner.tickets.team;
  }
  if (param === "id" && file.includes("/alerting/destinations/[id]")) {
    return relation === "otherTeam" ? null : owner.destinationId; // an org resource, not a team's
  }
  if (param === "id" && file.includes("settings/automation/[id]")) {
    return relation === "otherTeam" ? null : owner.rules.org; // an org rule
  }
  if (param === "id" && file.includes("automation/rules/[id]")) {
    return relation === "otherTeam" ? a.rules.otherTeam : owner.rules.team;
  }
  if (param === "id" && file.includes("teams/[team]/automation/[id]")) {
    return relation === "otherTeam" ? a.rules.otherTeam : owner.rules.team;
  }
  if (param === "id" && file.includes("automation/jobs/[id]")) {
    return relation === "otherTeam" ? a.jobs.otherTeam : owner.jobs.team;
  }
  if (param === "cve") return relation === "own" ? a.cve : null; // CVE ids are public names, the org guards them
  if (param === "service") return "coredns"; // a name, scoped by the team in the same URL
  if (param === "token") return null; // a signed token, not a tenant's id: the route is public (route inventory)
  throw new Error(`isolation test: no value for [${param}] in ${file}; teach valueOf() about it`);
}

const paramsOf = (file: string) => [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);

function paramsFor(entry: TRouteEntry, relation: TRelation, a: TWorld, b: TWorld): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const param of paramsOf(entry.file)) {
    const value = valueOf(param, entry.file, relation, a, b);
    if (value === null) return null;
    out[param] = value;
  }
  return out;
}

function outcomeOf(err: unknown): TOutcome {
  const digest = String((err as { digest?: string })?.digest ?? "");
  if (digest.endsWith(";404")) return "404";
  if (digest.endsWith(";403")) return "403";
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  return `error: ${(err as Error)?.message ?? String(err)}`;
}

/** Query parameters a route needs besides the tenant's, to get past its input validation. */
const ROUTE_QUERY: Record<string, string> = { "(dashboard)/o/[org]/cost/export/route.ts": "table=teams" };

/** Pages that only redirect to another page (which has its own guard and its own case here). */
const REDIRECT_ONLY = new Set(["(dashboard)/o/[org]/settings/page.tsx"]);

async function call(entry: TRouteEntry, params: Record<string, string>, orgSlug: string): Promise<TOutcome> {
  const mod = (await import(path.join(appDir, entry.file))) as Record<string, unknown>;
  try {
    if (entry.kind === "route") {
      const query = [`org=${encodeURIComponent(orgSlug)}`, ROUTE_QUERY[entry.file]].filter(Boolean).join("&");
      const url = new URL(`http://bumpers.test/x?${query}`);
      const handler = mod.GET as (req: Request, ctx: { params: Promise<object> }) => Promise<Response>;
      const res = await handler(new Request(url), { params: Promise.resolve(params) });
      if (res.status === 404) return "404";
      if (res.status === 403) return "403";
      return res.ok ? "ok" : `error: HTTP ${res.status} ${await res.text()}`;
    }
    const render = mod.default as (props: object) => Promise<unknown>;
    await render({ params: Promise.resolve(params), searchParams: Promise.resolve({}), children: null });
    return "ok";
  } catch (err) {
    return outcomeOf(err);
  }
}

// Pages, layouts and GET routes of the signed-in app and the API whose URL names a tenant's object.
const TARGETS = inventoryOfApp(appDir).filter(
  (e) =>
    (e.file.startsWith("(dashboard)/") || e.file.startsWith("api/v1/")) &&
    paramsOf(e.file).length > 0 &&
    (e.kind === "page" || e.kind === "layout" || (e.kind === "route" && e.name === "GET")),
);

const ROLES = ["owner", "admin", "teamAdmin", "editor", "viewer", "member"] as const;
const TEAM_ROLES = ["teamAdmin", "editor", "viewer", "member"] as const;

// What next.config.js's experimental.authInterrupts sets for the app: forbidden() renders a 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let a: TWorld;
let b: TWorld;
beforeAll(async () => {
  [a, b] = await Promise.all([buildTenant(), buildTenant()]);
});
afterEach(() => signInAs(null));

describe("tenant isolation, generated from the route inventory", () => {
  it("covers the pages and API routes that take ids", () => {
    expect(TARGETS.length).toBeGreaterThan(15);
    expect(TARGETS.some((e) => e.file.includes("findings/[id]") && e.kind === "route")).toBe(true);
  });

  it.each(TARGETS.map((e) => [`${e.file}#${e.name}`, e] as const))("%s", async (_name, entry) => {
    const failures: string[] = [];
    const outcomeFor = async (relation: TRelation) => {
      const params = paramsFor(entry, relation, a, b);
      if (!params) return null;
      const orgSlug = relation === "otherOrg" ? b.org.slug : a.org.slug;
      return { params, outcome: await call(entry, params, orgSlug) };
    };
    // Another tenant's object is a 404. A 403 is no leak only when the role gets the same 403 for
    // its own objects (a page its role may not open at all, e.g. settings for members).
    const expectHidden = async (
      role: (typeof ROLES)[number],
      relation: TRelation,
      ownOutcome: TOutcome | undefined,
    ) => {
      const result = await outcomeFor(relation);
      if (!result) return;
      const allowed: TOutcome[] = ownOutcome === "403" ? ["404", "403"] : ["404"];
      if (REDIRECT_ONLY.has(entry.file)) allowed.push("redirect");
      if (!allowed.includes(result.outcome)) {
        failures.push(`${role} with ${relation} ids ${JSON.stringify(result.params)}: ${result.outcome}`);
      }
    };

    // Positive control: the owner reaches their own object (a redirect to a sub-page is fine).
    signInAs(a.users.owner);
    const control = await outcomeFor("own");
    if (control && !["ok", "redirect"].includes(control.outcome))
      failures.push(`owner with own ids: ${control.outcome}`);

    for (const role of ROLES) {
      signInAs(a.users[role]);
      const own = (await outcomeFor("own"))?.outcome;
      await expectHidden(role, "otherOrg", own);
      if (paramsOf(entry.file).length > 1) await expectHidden(role, "foreignIdsInOwnOrg", own);
      // Team-scoped objects of a team the caller is not on (org owners and admins see every team).
      const teamScoped =
        paramsOf(entry.file).includes("team") ||
        entry.file.includes("findings/[id]") ||
        entry.file.includes("tickets/[id]") ||
        entry.file.includes("automation/rules/[id]") ||
        entry.file.includes("automation/jobs/[id]");
      if (teamScoped && (TEAM_ROLES as readonly string[]).includes(role)) await expectHidden(role, "otherTeam", own);
    }
    expect(failures).toEqual([]);
  });
});
