// SCIM benchmark (issue 20): the first sync an identity provider pushes when an org connects it,
// 5,000 users and 200 groups (each user in 1 to 3 groups), through the real route handlers of
// app/scim/v2/[org] in-process, one request after another the way Okta pushes:
//   users:  GET /Users?filter=userName eq "…" (nothing found), then POST /Users;
//   groups: GET /Groups?filter=displayName eq "…"&excludedAttributes=members, POST /Groups, then
//           PATCH add members, at most 100 per request.
// Prints the total time, each phase's, and per request kind the median and p95 latency and the
// median number of SQL statements (a group PATCH adding 100 people shows whether member changes
// stay batched). Fails on a wrong count, never on a time.
//
//   npm run bench:scim [-- --users 5000 --groups 200 --batch 100]
//
// Uses DATABASE_URL's server (or an embedded one) with a scratch database it drops afterwards.
import { argNumber, machineLine, ms, rng, runBenchmark, withBenchDatabase } from "./lib/bench-kit";
import { median, percentile } from "./lib/bench-http";
import { timeQueries } from "./lib/query-timer";

const USERS = argNumber("users", 5000);
const GROUPS = argNumber("groups", 200);
const BATCH = argNumber("batch", 100);

type TKind = "GET user filter" | "POST user" | "GET group filter" | "POST group" | "PATCH group members";
type TSample = { ms: number; statements: number; sqlMs: number; members?: number };

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench:scim: ${what}`);
}

async function main() {
  // One identity provider at full speed: the per-token limit is not what is measured here.
  process.env.BUMPERS_RATE_LIMIT_API_PER_MINUTE = "0";
  process.env.NEXTAUTH_URL ||= "https://bumpers.example";
  await withBenchDatabase({ prefix: "bumpers_bench_scim" }, async ({ server }) => {
    const { db, pool } = await import("@/lib/server/db");
    const timer = timeQueries(pool);
    const { createTestOrg } = await import("@/lib/testing/factories");
    const { claimDomain, createScimToken, filterQuery, scimClient } = await import("@/lib/testing/scim-client");
    const { SCHEMA } = await import("@/lib/scim/constants");

    const org = await createTestOrg({ slug: "bench-scim", name: "Bench SCIM" });
    const domain = "bench-scim.example";
    await claimDomain(org.id, domain);
    const token = await createScimToken(org.id, "Bench IdP");
    const scim = scimClient(org.slug, token.secret);
    const samples = new Map<TKind, TSample[]>();

    async function timed(
      kind: TKind,
      call: () => Promise<{ status: number; body: Record<string, unknown> }>,
      expected: number,
      members?: number,
    ) {
      const started = performance.now();
      const { result, statements } = await timer.record(call);
      const elapsed = performance.now() - started;
      check(
        result.status === expected,
        `${kind} answered ${result.status}: ${JSON.stringify(result.body).slice(0, 300)}`,
      );
      // From sending each statement to its answer, summed: waiting on PostgreSQL, not the Node process's own work.
      const sqlMs = statements.reduce((n, st) => n + st.ms, 0);
      samples.set(kind, [...(samples.get(kind) ?? []), { ms: elapsed, statements: statements.length, sqlMs, members }]);
      return result.body;
    }

    const started = performance.now();
    const userIds: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const userName = `person${i}@${domain}`;
      const found = await timed(
        "GET user filter",
        () => scim.get(`/Users?${filterQuery(`userName eq "${userName}"`)}`),
        200,
      );
      check(found.totalResults === 0, `${userName} already exists`);
      const created = await timed(
        "POST user",
        () =>
          scim.post("/Users", {
            schemas: [SCHEMA.user],
            userName,
            externalId: `00u${i}`,
            name: { givenName: `Person`, familyName: `${i}` },
            emails: [{ primary: true, value: userName, type: "work" }],
            displayName: `Person ${i}`,
            active: true,
          }),
        201,
      );
      userIds.push(created.id as string);
    }
    const usersDone = performance.now();

    // Each user in 1 to 3 distinct groups, the same assignment every run.
    const random = rng(20);
    const membersOf: string[][] = Array.from({ length: GROUPS }, () => []);
    for (const id of userIds) {
      const wanted = 1 + Math.floor(random() * 3);
      const chosen = new Set<number>();
      while (chosen.size < Math.min(wanted, GROUPS)) chosen.add(Math.floor(random() * GROUPS));
      for (const g of chosen) membersOf[g].push(id);
    }
    for (let g = 0; g < GROUPS; g++) {
      const displayName = `Team ${String(g).padStart(3, "0")}`;
      const found = await timed(
        "GET group filter",
        () => scim.get(`/Groups?excludedAttributes=members&${filterQuery(`displayName eq "${displayName}"`)}`),
        200,
      );
      check(found.totalResults === 0, `${displayName} already exists`);
      const created = await timed(
        "POST group",
        () => scim.post("/Groups", { schemas: [SCHEMA.group], displayName, externalId: `00g${g}`, members: [] }),
        201,
      );
      for (let from = 0; from < membersOf[g].length; from += BATCH) {
        const batch = membersOf[g].slice(from, from + BATCH);
        await timed(
          "PATCH group members",
          () =>
            scim.patch(`/Groups/${created.id}`, {
              schemas: [SCHEMA.patchOp],
              Operations: [{ op: "add", path: "members", value: batch.map((value) => ({ value })) }],
            }),
          204,
          batch.length,
        );
      }
    }
    const finished = performance.now();

    const memberships = membersOf.reduce((n, m) => n + m.length, 0);
    const [orgMembers, teamMembers, teams, scimMembers] = await Promise.all([
      db.membership.count({ where: { orgId: org.id, managedBy: "scim" } }),
      db.teamMembership.count({ where: { orgId: org.id, managedBy: "scim" } }),
      db.team.count({ where: { orgId: org.id } }),
      db.scimGroupMember.count({ where: { orgId: org.id } }),
    ]);
    check(orgMembers === USERS, `${orgMembers} org memberships, expected ${USERS}`);
    check(teams === GROUPS, `${teams} teams, expected ${GROUPS}`);
    check(scimMembers === memberships, `${scimMembers} group members, expected ${memberships}`);
    check(teamMembers === memberships, `${teamMembers} team memberships, expected ${memberships}`);

    const seconds = (a: number, b: number) => `${((b - a) / 1000).toFixed(1)} s`;
    console.log(
      `SCIM first sync: ${USERS} users, ${GROUPS} groups, ${memberships} group memberships in ` +
        `${seconds(started, finished)} (users ${seconds(started, usersDone)}, groups and members ${seconds(usersDone, finished)})`,
    );
    console.log(machineLine(server));
    console.log("| Request | Count | Median | p95 | Statements (median) | Time in SQL (median) |");
    console.log("| ------- | ----- | ------ | --- | ------------------- | -------------------- |");
    for (const [kind, list] of samples) {
      const times = list.map((s) => s.ms);
      const statements = median(list.map((s) => s.statements));
      console.log(
        `| ${kind} | ${list.length} | ${ms(median(times))} | ${ms(percentile(times, 95))} | ${statements} | ${ms(median(list.map((s) => s.sqlMs)))} |`,
      );
    }
    const full = (samples.get("PATCH group members") ?? []).filter((s) => s.members === BATCH);
    if (full.length > 0) {
      const perMember = median(full.map((s) => s.statements)) / BATCH;
      console.log(
        `\nPATCH adding ${BATCH} members (${full.length} requests): median ${ms(median(full.map((s) => s.ms)))}, ` +
          `${median(full.map((s) => s.statements))} statements (${perMember.toFixed(1)} per member)`,
      );
    }
  });
}

runBenchmark(main);
