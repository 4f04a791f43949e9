import { describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { findingScopeOf } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { encodeCursor } from "@/lib/server/sql";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { countDecisionsByTeam, decisionHref, hasDecisions, listDecisions, parseDecisionSearch } from "./decision-log";

const HOUR = 3_600_000;

type TRow = {
  teamId: string | null;
  outcome: "allowed" | "warned" | "denied";
  passive?: boolean;
  hoursAgo: number;
  name: string;
  clusterId?: string;
};

async function seed(orgId: string, clusterId: string, rows: TRow[]) {
  const now = Date.now();
  for (const r of rows) {
    await pool.query(
      `INSERT INTO admission_decisions (org_id, cluster_id, team_id, uid, operation, namespace, kind, name, username,
                                        outcome, passive, blocking, created_at)
       VALUES ($1, $2, $3, $4, 'CREATE', 'shop', 'Deployment', $5, 'dev@example.test', $6, $7, $8, $9)`,
      [
        orgId,
        r.clusterId ?? clusterId,
        r.teamId,
        `uid-${r.name}`,
        r.name,
        r.outcome,
        r.passive ?? false,
        r.outcome === "denied" || r.passive ? ["runAsPrivileged"] : [],
        new Date(now - r.hoursAgo * HOUR),
      ],
    );
  }
}

async function scopeOf(user: { id: string; email: string; name: string }, orgSlug: string) {
  signInAs(user);
  return findingScopeOf(await authorizeOrg(orgSlug));
}

describe("admission decision log", () => {
  it("shows org admins every decision, team members only their teams', and counts outcomes per team", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id);
    const other = await createTestTenant();
    const otherCluster = await createTestCluster(other.org.id);
    await seed(t.org.id, cluster.id, [
      { teamId: t.team.id, outcome: "allowed", hoursAgo: 1, name: "a1" },
      { teamId: t.team.id, outcome: "denied", hoursAgo: 2, name: "a2" },
      { teamId: t.team.id, outcome: "warned", passive: true, hoursAgo: 3, name: "a3" },
      { teamId: t.otherTeam.id, outcome: "warned", hoursAgo: 4, name: "b1" },
      { teamId: null, outcome: "denied", hoursAgo: 5, name: "n1" },
      { teamId: t.team.id, outcome: "denied", hoursAgo: 24 * 8, name: "old" },
    ]);
    await seed(other.org.id, otherCluster.id, [{ teamId: null, outcome: "denied", hoursAgo: 1, name: "foreign" }]);
    const since = new Date(Date.now() - 7 * 24 * HOUR);
    const names = async (scope: Awaited<ReturnType<typeof scopeOf>>, query = {}) =>
      (await listDecisions(scope, { since, ...query }, { limit: 50 })).data.map((d) => d.name);

    const admin = await scopeOf(t.users.admin, t.org.slug);
    expect(await names(admin)).toEqual(["a1", "a2", "a3", "b1", "n1"]);
    expect(await names(admin, { teamId: null })).toEqual(["n1"]);
    expect(await names(admin, { outcome: "would_deny" })).toEqual(["a3"]);
    expect(await names(admin, { outcome: "warned" })).toEqual(["b1"]);
    expect(await names(admin, { outcome: "denied", teamId: t.team.id })).toEqual(["a2"]);
    expect(await names(admin, { clusterId: otherCluster.id })).toEqual([]);
    const counts = await countDecisionsByTeam(admin, { since });
    expect(counts.map((c) => [c.teamId, c.allowed, c.warned, c.wouldDeny, c.denied])).toEqual([
      [t.team.id, 1, 0, 1, 1],
      [t.otherTeam.id, 0, 1, 0, 0],
      [null, 0, 0, 0, 1],
    ]);

    const viewer = await scopeOf(t.users.viewer, t.org.slug);
    expect(await names(viewer)).toEqual(["a1", "a2", "a3"]);
    expect((await countDecisionsByTeam(viewer, { since })).map((c) => c.teamId)).toEqual([t.team.id]);

    const member = await scopeOf(t.users.member, t.org.slug);
    expect(await names(member)).toEqual([]);
    expect(await hasDecisions(member)).toBe(false);
    expect(await hasDecisions(viewer)).toBe(true);
  });

  it("pages newest first with older and newer cursors that come back to the same rows", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id);
    // Two decisions in the same instant: the id breaks the tie, so none is skipped or repeated.
    await seed(
      t.org.id,
      cluster.id,
      Array.from({ length: 7 }, (_, i) => ({
        teamId: t.team.id,
        outcome: "allowed" as const,
        hoursAgo: i === 4 ? 3 : i,
        name: `d${i}`,
      })),
    );
    const admin = await scopeOf(t.users.admin, t.org.slug);
    const query = { since: new Date(Date.now() - 24 * HOUR) };
    const first = await listDecisions(admin, query, { limit: 3 });
    expect(first.newer).toBeNull();
    const second = await listDecisions(admin, query, { limit: 3, cursor: first.older! });
    const third = await listDecisions(admin, query, { limit: 3, cursor: second.older! });
    const all = [...first.data, ...second.data, ...third.data].map((d) => d.name);
    expect(new Set(all).size).toBe(7);
    expect(third.older).toBeNull();
    const back = await listDecisions(admin, query, { limit: 3, cursor: third.newer! });
    expect(back.data.map((d) => d.name)).toEqual(second.data.map((d) => d.name));
    const start = await listDecisions(admin, query, { limit: 3, cursor: back.newer! });
    expect(start.data.map((d) => d.name)).toEqual(first.data.map((d) => d.name));
    expect(start.newer).toBeNull();
  });

  it("reads its URL state leniently and writes it back without the defaults", () => {
    const parsed = parseDecisionSearch({
      range: "forever",
      team: "payments",
      outcome: ["denied", "allowed"],
      cursor: "%%",
    });
    expect(parsed).toEqual({ range: "7d", team: "payments", outcome: "denied" });
    expect(decisionHref("/x", parsed)).toBe("/x?team=payments&outcome=denied");
    const cursor = encodeCursor({ d: "next", k: [new Date(0).toISOString(), "42"] });
    const href = decisionHref("/x", { range: "30d" }, cursor);
    const back = parseDecisionSearch(Object.fromEntries(new URL(href, "http://h").searchParams));
    expect(back).toEqual({ range: "30d", cursor });
  });
});
