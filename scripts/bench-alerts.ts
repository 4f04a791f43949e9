// Alerting benchmark: a Polaris report opening 10,000 findings across 500 workloads and 50 checks,
// through the real ingest path with the alert transitions in its transaction; then the transition
// computation alone (median of several runs, rolled back), and delivery to the fake PagerDuty
// under the per-key rate limit.
//
//   npm run bench:alerts [-- --repeat 5 --keys 20 --no-delivery]
//
// Uses DATABASE_URL's server (or an embedded one) with a scratch database it drops afterwards.
// Prints Markdown for docs/benchmarks.md.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { argNumber, createOwnerTeam, ms, runBenchmark, withBenchDatabase } from "./lib/bench-kit";
import { median } from "./lib/bench-http";

const REPEAT = argNumber("repeat", 5);
const KEYS = argNumber("keys", 20);
const DELIVERY = !process.argv.includes("--no-delivery");
const WORKLOADS = 500;
const CHECKS = 50;
const CHECKS_PER_WORKLOAD = 20; // 500 × 20 = 10,000 findings, each check on 200 workloads

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

async function main() {
  await withBenchDatabase({ prefix: "bumpers_bench_alerts" }, measure);
}

async function measure() {
  const { startFakePagerDuty } = await import("@/lib/testing/fake-pagerduty");
  const fake = await startFakePagerDuty({ port: 0 });
  try {
    const { pool, db } = await import("@/lib/server/db");
    const { createCluster } = await import("@/lib/clusters/create-cluster");
    const { createDestination } = await import("@/lib/alerting/destinations/create-destination");
    const { createRule } = await import("@/lib/alerting/rules/create-rule");
    const { evaluateFindingAlerts } = await import("@/lib/alerting/engine/evaluate");
    const { deliverDueEvents } = await import("@/lib/alerting/delivery/deliver");
    const { sealRoutingKey, keyFingerprint } = await import("@/lib/alerting/destinations/routing-key");
    const { ingest, polarisReportWith, workloads } = await import("@/lib/alerting/test-helpers");

    const org = await db.organization.create({ data: { slug: "bench", name: "Bench" } });
    const user = await db.user.create({ data: { email: "bench-alerts@bench.example", name: "Bench" } });
    const actor = { userId: user.id, label: user.email };
    const team = await createOwnerTeam(org.id, { slug: "shop", name: "Shop" });
    const key = randomBytes(16).toString("hex");
    const destination = await createDestination(org.id, actor, {
      name: "Shop on-call",
      routingKey: key,
      teamId: team.id,
    });
    await createRule(org.id, actor, null, {
      name: "Everything high, by check",
      match: { minSeverity: "high" },
      useTeamDestination: true,
      destinationId: destination.id,
      pdSeverity: "error",
      grouping: "check",
    });
    const { cluster } = await createCluster(org.id, actor, { slug: "prod", name: "Prod" });

    const checks = Array.from({ length: CHECKS }, (_, i) => ({ id: `benchCheck${String(i).padStart(2, "0")}` }));
    const all = workloads(
      WORKLOADS,
      Array.from({ length: 20 }, (_, i) => `ns-${i}`),
    );
    // A new body each time (the agent's audit time differs), the same findings.
    const report = () =>
      polarisReportWith(all, (_w, i) =>
        Array.from({ length: CHECKS_PER_WORKLOAD }, (_, k) => checks[(i + k) % CHECKS]!),
      );
    const body = report();

    // 1. The report, end to end (parse, findings, transitions, outbox) in one transaction.
    const started = performance.now();
    await ingest(org.id, cluster.id, "polaris", body);
    const reportMs = performance.now() - started;
    const counts = await pool.query<{ findings: number; groups: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM findings WHERE org_id = $1 AND state = 'open') AS findings,
              (SELECT count(*)::int FROM alert_groups WHERE org_id = $1 AND status = 'open') AS groups,
              (SELECT count(*)::int FROM alert_events WHERE org_id = $1) AS events`,
      [org.id],
    );
    const { findings, groups, events } = counts.rows[0]!;

    // 1b. The same findings again (an hourly report where nothing changed), end to end.
    const again = performance.now();
    const unchanged = await ingest(org.id, cluster.id, "polaris", report());
    const unchangedMs = performance.now() - again;
    const unchangedReport = await pool.query<{ received_at: Date }>(`SELECT received_at FROM reports WHERE id = $1`, [
      unchanged.reportId,
    ]);
    const reportFilter = { report: { id: unchanged.reportId, at: unchangedReport.rows[0]!.received_at } };

    // 2. Transitions alone, rolled back each time: from nothing (all groups new), steady state (no
    // change, no event), and grouping by workload (10,000 groups).
    async function timeEvaluation(
      prepare?: string,
      filter: Parameters<typeof evaluateFindingAlerts>[2] = { source: "polaris" },
    ): Promise<{ ms: number; events: number }[]> {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          if (prepare) await client.query(prepare, [org.id]);
          const t0 = performance.now();
          const result = await evaluateFindingAlerts(client, org.id, filter);
          runs.push({ ms: performance.now() - t0, events: result.events });
        } finally {
          await client.query("ROLLBACK");
          client.release();
        }
      }
      return runs;
    }
    const fromScratch = await timeEvaluation(`DELETE FROM alert_groups WHERE org_id = $1`);
    const steady = await timeEvaluation();
    const steadyReport = await timeEvaluation(undefined, reportFilter);
    const byWorkload = await timeEvaluation(`UPDATE alert_rules SET grouping = 'workload' WHERE org_id = $1`);

    // 3. Delivery: the report's events on one key under the limit; then `KEYS` keys at once.
    const url = `${fake.url}/v2/enqueue`;
    async function drain(): Promise<number> {
      const t0 = performance.now();
      for (;;) {
        const step = await deliverDueEvents({ url, limit: 50 });
        const left = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alert_events WHERE status = 'pending'`,
        );
        if (left.rows[0]!.n === 0) return performance.now() - t0;
        if (step.claimed === 0 || step.throttled === step.claimed) await new Promise((r) => setTimeout(r, 200));
      }
    }
    /** Synthetic trigger events (no group) for `perKey` events on each key. */
    async function enqueue(targets: { destinationId: string; key: string }[], perKey: number) {
      const rows = targets.flatMap((t) =>
        Array.from({ length: perKey }, (_, i) => ({
          destination_id: t.destinationId,
          ciphertext: sealRoutingKey(t.destinationId, t.key),
          fingerprint: keyFingerprint(t.key),
          payload: {
            event_action: "trigger",
            dedup_key: `bench-${i}`,
            payload: { summary: `bench ${i}`, source: "bench", severity: "info" },
          },
        })),
      );
      await pool.query(
        `INSERT INTO alert_events (org_id, destination_id, destination_name, routing_key_ciphertext, key_fingerprint,
                                   action, dedup_key, payload)
         SELECT $1, (e->>'destination_id')::uuid, 'bench', e->>'ciphertext', e->>'fingerprint', 'trigger',
                e->'payload'->>'dedup_key', e->'payload'
           FROM jsonb_array_elements($2::jsonb) AS e`,
        [org.id, JSON.stringify(rows)],
      );
    }

    // One key: the report's events plus 100 more, to see the limit hold over more than a minute.
    const oneKeyEvents = events + 100;
    const perKey = 50;
    const keys = Array.from({ length: KEYS }, () => randomBytes(16).toString("hex"));
    let oneKeyMs = NaN;
    let perMinuteOneKey = NaN;
    let manyKeysMs = NaN;
    let worstPerMinute = NaN;
    if (DELIVERY) {
      await enqueue([{ destinationId: destination.id, key }], 100);
      oneKeyMs = await drain();
      perMinuteOneKey = fake.maxPerMinute(key);
      await enqueue(
        keys.map((k) => ({ destinationId: crypto.randomUUID(), key: k })),
        perKey,
      );
      manyKeysMs = await drain();
      worstPerMinute = Math.max(...keys.map((k) => fake.maxPerMinute(k)));
    }

    const fmt = (runs: { ms: number; events: number }[]) =>
      `${ms(median(runs.map((r) => r.ms)))} (runs: ${runs.map((r) => ms(r.ms)).join(", ")}; events ${runs[0]!.events})`;
    console.log(`
## Alerts

\`npm run bench:alerts\` (repeat ${REPEAT}; load average at the end ${load()}). One Polaris report opens
${findings.toLocaleString("en")} findings on ${WORKLOADS} workloads and ${CHECKS} checks; the baseline rule groups by check.

| What | Figure |
| --- | --- |
| Report processed end to end (parse, findings, transitions, outbox, one transaction) | ${ms(reportMs)} |
| Open alert groups after it | ${groups} |
| Events enqueued (must equal the groups) | ${events} |
| Transitions alone, all groups new (median) | ${fmt(fromScratch)} |
| Transitions alone, every check of the tool re-evaluated, nothing changed (median) | ${fmt(steady)} |
| The same report again (nothing changed), end to end | ${ms(unchangedMs)} |
| Transitions after that unchanged report (only the checks it changed: none) (median) | ${fmt(steadyReport)} |
| Transitions alone, grouped by workload: 10,000 groups (median) | ${fmt(byWorkload)} |
| Delivery of ${oneKeyEvents} events (the report's and 100 more) to one routing key (limit 100/min, burst 10) | ${ms(oneKeyMs)} (${Math.round((oneKeyEvents / oneKeyMs) * 60_000)} events/min); most in any 60 s: ${perMinuteOneKey} |
| Delivery of ${KEYS * perKey} events to ${KEYS} routing keys | ${ms(manyKeysMs)} (${Math.round(((KEYS * perKey) / manyKeysMs) * 60_000)} events/min); most per key in any 60 s: ${worstPerMinute} |
`);
    await pool.end();
  } finally {
    await fake.close();
  }
}

runBenchmark(main);
