import { afterEach, describe, expect, it } from "vitest";
import { insertFindings, tenantWithRule } from "@/lib/alerting/test-helpers";
import { createTestCluster } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import { signInAs } from "@/lib/testing/session";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import * as deliveries from "./alerts/deliveries/route";

const BASE = "http://bumpers.test";
const get = (pathAndQuery: string, token?: string) =>
  new Request(BASE + pathAndQuery, { headers: token ? { authorization: `Bearer ${token}` } : {} });
type TLog = { data: { destinationId: string; groupTitle: string | null; action: string }[]; nextCursor: string | null };

async function seed() {
  const { t, actor, key, destination } = await tenantWithRule({
    name: "Criticals",
    match: { minSeverity: "critical" },
  });
  const cluster = await createTestCluster(t.org.id);
  await insertFindings({
    orgId: t.org.id,
    clusterId: cluster.id,
    teamId: t.team.id,
    checkId: "CVE-team",
    severity: "critical",
    count: 2,
  });
  await insertFindings({
    orgId: t.org.id,
    clusterId: cluster.id,
    teamId: t.otherTeam.id,
    checkId: "CVE-other",
    severity: "critical",
    count: 2,
  });
  const read = await createOrgToken(t.org.id, actor, { name: "reader", kind: "org_read" });
  return { t, key, destination, token: read.secret };
}

afterEach(() => signInAs(null));

describe("GET /api/v1/alerts/deliveries", () => {
  it("an org token reads its org's log, filtered; never another org's; never a key", async () => {
    const a = await seed();
    const b = await seed();
    const res = await deliveries.GET(get(`/api/v1/alerts/deliveries?action=trigger&status=pending`, a.token));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(a.key);
    const body = JSON.parse(text) as TLog;
    expect(body.data.map((e) => e.groupTitle).sort()).toEqual(["CVE-other is wrong", "CVE-team is wrong"]);
    const team = (await (
      await deliveries.GET(get(`/api/v1/alerts/deliveries?team=${a.t.team.slug}`, a.token))
    ).json()) as TLog;
    expect(team.data.map((e) => e.groupTitle)).toEqual(["CVE-team is wrong"]);
    // Another org's destination id filters to nothing.
    const cross = (await (
      await deliveries.GET(get(`/api/v1/alerts/deliveries?destination=${a.destination.id}`, b.token))
    ).json()) as TLog;
    expect(cross.data).toEqual([]);
    const paged = (await (await deliveries.GET(get(`/api/v1/alerts/deliveries?limit=1`, a.token))).json()) as TLog;
    expect(paged.data).toHaveLength(1);
    const rest = (await (
      await deliveries.GET(get(`/api/v1/alerts/deliveries?limit=5&cursor=${paged.nextCursor}`, a.token))
    ).json()) as TLog;
    expect([...paged.data, ...rest.data].map((e) => e.groupTitle).sort()).toEqual([
      "CVE-other is wrong",
      "CVE-team is wrong",
    ]);
    expect(rest.nextCursor).toBeNull();
    // A cursor that is not one of ours (the old numeric ids included) is a 400 naming it.
    for (const cursor of ["12", "bm9wZQ", paged.nextCursor!.slice(0, -2)]) {
      const bad = await deliveries.GET(get(`/api/v1/alerts/deliveries?cursor=${cursor}`, a.token));
      expect(bad.status).toBe(400);
      expect((await errorOf(bad)).details).toMatchObject({ field: "cursor" });
    }
  });

  it("a team member sees their team's deliveries only; a non-member gets 404; bad filters 400", async () => {
    const a = await seed();
    signInAs(a.t.users.viewer);
    const mine = (await (await deliveries.GET(get(`/api/v1/alerts/deliveries?org=${a.t.org.slug}`))).json()) as TLog;
    expect(mine.data.map((e) => e.groupTitle)).toEqual(["CVE-team is wrong"]);
    const other = (await (
      await deliveries.GET(get(`/api/v1/alerts/deliveries?org=${a.t.org.slug}&team=${a.t.otherTeam.slug}`))
    ).json()) as TLog;
    expect(other.data).toEqual([]);
    const bad = await deliveries.GET(get(`/api/v1/alerts/deliveries?org=${a.t.org.slug}&status=lost`));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toMatchObject({ field: "status" });
    const stranger = await seed();
    signInAs(stranger.t.users.admin);
    expect((await deliveries.GET(get(`/api/v1/alerts/deliveries?org=${a.t.org.slug}`))).status).toBe(404);
  });
});
