// Automation rules benchmark (issue 19, "Performance"), two measurements:
//
//   npm run bench:rules [-- --runs 3]          50 rules over a 50,000-finding Trivy report: the
//       report's processing time with and without rules, in the same run (medians; the target is
//       at most +20 %). Each run processes the same report on a fresh cluster of an org without
//       rules, then of an org with the 50 rules, alternating, so the shared machine's noise hits both.
//   npm run bench:rules -- --existing 1000000  one rule applied to that many existing open findings
//       through the apply job (target: within 60 s).
//
// Uses DATABASE_URL's server (a scratch database is created and dropped) or an embedded PostgreSQL.
// Prints Markdown for docs/benchmarks.md.
import { generatedTrivyReport } from "./bench-ingest-data";
import { argNumber, machineLine, ms, runBenchmark, withBenchDatabase, type TBenchDatabase } from "./lib/bench-kit";
import type { TAutomationRuleInput } from "@/lib/automation/schemas";

const RUNS = argNumber("runs", 3);
const EXISTING = argNumber("existing", 0);
const BATCH = argNumber("batch", 0);
const IMAGES = 500;
const PER_IMAGE = 100;
const WORKLOADS = 2000;
const NAMESPACES = 50;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Fifty rules of the kinds people write (namespace, CVE, package + severity + fix, workload,
 * namespace label, title + image repository), most matching a small slice of the report: together
 * they change about 8,000 of its 50,000 findings, and every rule scans all of them.
 */
function fiftyRules(teamId: string): TAutomationRuleInput[] {
  const rules: TAutomationRuleInput[] = [];
  for (let i = 0; i < 50; i++) {
    const name = `bench rule ${i}`;
    switch (i % 6) {
      case 0:
        rules.push({
          name,
          conditions: [{ field: "namespace", values: [i < 20 ? `ns-${i}` : `other-${i}`] }],
          actions: { due: { days: 10 + (i % 20) } },
        });
        break;
      case 1:
        rules.push({
          name,
          conditions: [{ field: "cve", values: [`CVE-2026-10${String(i).padStart(2, "0")}0`] }],
          actions: { severity: { to: "high", reason: "bench" } },
        });
        break;
      case 2:
        rules.push({
          name,
          conditions: [
            { field: "package", values: [`lib${i % 40}`] },
            { field: "severity", op: "at_least", value: "critical" },
            { field: "fix_available", value: true },
          ],
          actions: { addTags: [`fixable-${i}`] },
        });
        break;
      case 3:
        rules.push({
          name,
          conditions: [{ field: "workload_name", values: [`app-${i}`] }],
          actions: { team: { teamId } },
        });
        break;
      case 4:
        rules.push({
          name,
          conditions: [{ field: "namespace_label", values: [`env=prod-${i}`] }],
          actions: { severity: { to: "critical", reason: "production" } },
        });
        break;
      default:
        rules.push({
          name,
          conditions: [
            { field: "title", values: [`vulnerability ${i}`] },
            { field: "image_repository", values: [`registry.example/app-${i % 10}*`] },
          ],
          actions: { due: { days: 7 } },
        });
    }
  }
  return rules;
}

async function main() {
  await withBenchDatabase({ prefix: "bumpers_bench_rules" }, EXISTING > 0 ? measureExisting : measureReport);
}

async function setup() {
  const { pool } = await import("@/lib/server/db");
  const { createTestCluster, createTestTeam, createTestTenant } = await import("@/lib/testing/factories");
  const { storeReport } = await import("@/lib/ingest/store-report");
  const { processReport } = await import("@/lib/worker/process-report");
  const { workloadsReport, insertRule } = await import("@/lib/automation/engine/engine-testing");
  const namespaces = Array.from({ length: NAMESPACES }, (_, n) => ({
    name: `ns-${n}`,
    labels: (n < 10 ? { env: `prod-${n}` } : {}) as Record<string, string>,
  }));
  const workloads = Array.from({ length: WORKLOADS }, (_, w) => ({
    namespace: `ns-${w % NAMESPACES}`,
    name: `app-${w}`,
    labels: { app: `app-${w}`, tier: w % 2 ? "backend" : "web" },
  }));
  const inventory = workloadsReport(namespaces, workloads);
  const trivy = generatedTrivyReport(IMAGES, PER_IMAGE, WORKLOADS);

  /** A fresh cluster with the inventory, then the Trivy report: returns the report's processing time. */
  async function processOn(orgId: string) {
    const cluster = await createTestCluster(orgId);
    const inv = await storeReport({
      orgId,
      clusterId: cluster.id,
      type: "workloads",
      body: inventory,
      headers: new Headers(),
    });
    await processReport(inv.reportId);
    const stored = await storeReport({
      orgId,
      clusterId: cluster.id,
      type: "trivy",
      body: trivy,
      headers: new Headers(),
    });
    const started = performance.now();
    const outcome = await processReport(stored.reportId);
    const elapsed = performance.now() - started;
    if (outcome?.status !== "processed") throw new Error(`report not processed: ${outcome?.error}`);
    return { elapsed, reportId: stored.reportId, clusterId: cluster.id };
  }
  return { pool, createTestTenant, createTestTeam, insertRule, processOn };
}

async function measureReport({ server }: TBenchDatabase) {
  const { pool, createTestTenant, createTestTeam, insertRule, processOn } = await setup();
  const plain = await createTestTenant();
  const ruled = await createTestTenant();
  const team = await createTestTeam(ruled.org.id);
  for (const rule of fiftyRules(team.id)) await insertRule(ruled.org.id, rule);

  const without: number[] = [];
  const withRules: number[] = [];
  const ruleTimes: number[] = [];
  let changed = 0;
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    without.push((await processOn(plain.org.id)).elapsed);
    const r = await processOn(ruled.org.id);
    withRules.push(r.elapsed);
    const { rows } = await pool.query<{ changed: number; findings: number; rules_ms: number }>(
      `SELECT (SELECT count(DISTINCT finding_id)::int FROM finding_events
                WHERE report_id = $1 AND data ? 'rule') AS changed,
              (SELECT count(*)::int FROM findings WHERE cluster_id = $2) AS findings,
              (SELECT coalesce(sum(duration_ms), 0)::int FROM automation_rule_runs WHERE report_id = $1) AS rules_ms`,
      [r.reportId, r.clusterId],
    );
    changed = rows[0]!.changed;
    findings = rows[0]!.findings;
    ruleTimes.push(rows[0]!.rules_ms);
    console.error(
      `run ${run + 1}: without ${ms(without.at(-1)!)}, with ${ms(r.elapsed)} (rule statements ${rows[0]!.rules_ms} ms, ${changed} changed)`,
    );
  }
  const a = median(without);
  const b = median(withRules);
  console.log(`\nRules benchmark (report), ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}`);
  console.log(machineLine(server));
  console.log(
    "| Findings | Changed by rules | Without rules (median) | With 50 rules (median) | Overhead | Rule statements (median) |",
  );
  console.log("|---|---|---|---|---|---|");
  console.log(
    `| ${findings.toLocaleString("en-US")} | ${changed.toLocaleString("en-US")} | ${ms(a)} | ${ms(b)} | ${(((b - a) / a) * 100).toFixed(1)} % | ${ms(median(ruleTimes))} |`,
  );
  await pool.end();
}

async function measureExisting({ server }: TBenchDatabase) {
  const { pool, createTestTenant, insertRule, processOn } = await setup();
  const { startApplyJob } = await import("@/lib/automation/jobs/start-apply-job");
  const { runApplyJob } = await import("@/lib/automation/jobs/run-apply-job");
  const t = await createTestTenant();
  const { clusterId } = await processOn(t.org.id);
  // Copies of the report's findings (new fingerprints) up to EXISTING open findings, set-based.
  const { rows: counted } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM findings WHERE cluster_id = $1`,
    [clusterId],
  );
  const copies = Math.ceil(EXISTING / counted[0]!.n) - 1;
  const columns = `org_id, cluster_id, source, check_id, category, severity, score, title, description, remediation,
    namespace, kind, name, container, image_id, vulnerability_id, resource_id, owner_team_id, evidence, status,
    first_seen_at, last_seen_at, last_report_id`;
  const started = performance.now();
  for (let c = 1; c <= copies; c++) {
    await pool.query(
      `INSERT INTO findings (fingerprint, ${columns})
       SELECT fingerprint || '#copy' || $2::int, ${columns} FROM findings WHERE cluster_id = $1 AND fingerprint NOT LIKE '%#copy%'
       LIMIT $3`,
      [clusterId, c, EXISTING - c * counted[0]!.n],
    );
  }
  await pool.query("VACUUM ANALYZE findings");
  const { rows: total } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND status = 'open'`,
    [t.org.id],
  );
  console.error(`${total[0]!.n} open findings written in ${ms(performance.now() - started)}`);
  const rule = await insertRule(t.org.id, {
    name: "bench: every CVE is due in 30 days at high",
    conditions: [{ field: "cve", values: ["CVE-*"] }],
    actions: { severity: { to: "high", reason: "bench" }, due: { days: 30 } },
  });
  const job = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null });
  const began = performance.now();
  const done = await runApplyJob(job.id, BATCH > 0 ? { batchSize: BATCH } : {});
  const elapsed = performance.now() - began;
  console.log(`\nRules benchmark (apply one rule to existing findings), ${new Date().toISOString().slice(0, 10)}`);
  console.log(machineLine(server));
  console.log("| Open findings | Processed | Changed | Status | Time | Per changed finding |");
  console.log("|---|---|---|---|---|---|");
  console.log(
    `| ${total[0]!.n.toLocaleString("en-US")} | ${done.processed.toLocaleString("en-US")} | ${done.changed.toLocaleString("en-US")} | ${done.status} | ${ms(elapsed)} | ${(elapsed / Math.max(done.changed, 1)).toFixed(3)} ms |`,
  );
  await pool.end();
}

runBenchmark(main);
