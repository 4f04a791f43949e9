import "server-only";
import { createHash } from "node:crypto";
import { loadPolicySnapshot } from "@/lib/policies/settings-snapshot";
import { pool } from "@/lib/server/db";
import { ZScanUpload, type TScanResult } from "./schemas";
import { inTransaction } from "@/lib/server/sql";

export type TScanSummary = { scanId: string; findings: number; opened: number; fixed: number; teamId: string | null };

/** One row per repository, branch, check and object: a new commit on the branch updates it. */
function fingerprintOf(orgId: string, repository: string, branch: string, r: TScanResult): string {
  return createHash("sha256")
    .update([orgId, repository, branch, r.checkId, r.kind, r.namespace, r.name].join("\u0000"))
    .digest("hex");
}

/**
 * Stores one `bumpers check --server` upload: the branch's CI findings become exactly this scan's
 * (new ones open, known ones updated or reopened, missing ones fixed), owned by the team whose
 * repository patterns match, in one transaction. Uploads are data, like agent reports: not audited.
 */
export async function recordCiScan(orgId: string, input: unknown, now = new Date()): Promise<TScanSummary> {
  const scan = ZScanUpload.parse(input);
  // The same check on the same object twice (two containers) is one row: keep the blocking one.
  const unique = new Map<string, TScanResult>();
  for (const r of scan.results) {
    const key = fingerprintOf(orgId, scan.repository, scan.branch, r);
    const seen = unique.get(key);
    if (!seen || (r.blocking && !seen.blocking)) unique.set(key, r);
  }
  const rows = [...unique.entries()];
  return inTransaction(pool, async (client) => {
    // One upload per branch at a time, so two concurrent CI runs cannot interleave their fixes.
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `ci:${orgId}:${scan.repository}:${scan.branch}`,
    ]);
    // Shared with other uploads, exclusive with repository pattern and priority changes
    // (lib/teams/lock.ts), so an upload never stores an owner a concurrent change has just moved.
    await client.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [`team-ownership:${orgId}`]);
    const snapshot = await loadPolicySnapshot(client, orgId);
    const teamId = snapshot.repositoryOwner(scan.repository);
    const col = <K extends keyof TScanResult>(key: K) => rows.map(([, r]) => r[key]);
    const upserted = await client.query<{ opened: boolean }>(
      `INSERT INTO ci_findings AS f (org_id, fingerprint, repository, branch, "commit", owner_team_id, check_id, category,
              severity, title, namespace, kind, name, file, line, messages, blocking, status, first_seen_at, last_seen_at)
       SELECT $1, u.fp, $2, $3, $4, $5, u.check_id, u.category, u.severity::severity_level, u.title, u.namespace, u.kind,
              u.name, u.file, u.line, u.messages::jsonb, u.blocking, 'open', $6, $6
         FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                     $15::text[], $16::int[], $17::text[], $18::boolean[])
           AS u(fp, check_id, category, severity, title, namespace, kind, name, file, line, messages, blocking)
       ON CONFLICT (org_id, fingerprint) DO UPDATE SET
         "commit" = EXCLUDED."commit", owner_team_id = EXCLUDED.owner_team_id, category = EXCLUDED.category,
         severity = EXCLUDED.severity, title = EXCLUDED.title, file = EXCLUDED.file, line = EXCLUDED.line,
         messages = EXCLUDED.messages, blocking = EXCLUDED.blocking, status = 'open', fixed_at = NULL,
         last_seen_at = EXCLUDED.last_seen_at
       RETURNING (xmax = 0) AS opened`,
      [
        orgId,
        scan.repository,
        scan.branch,
        scan.commit,
        teamId,
        now,
        rows.map(([fp]) => fp),
        col("checkId"),
        col("category"),
        col("severity"),
        col("title"),
        col("namespace"),
        col("kind"),
        col("name"),
        col("file"),
        col("line"),
        rows.map(([, r]) => JSON.stringify(r.messages)),
        col("blocking"),
      ],
    );
    const fixed = await client.query(
      `UPDATE ci_findings SET status = 'fixed', fixed_at = $4, "commit" = $5
        WHERE org_id = $1 AND repository = $2 AND branch = $3 AND status = 'open' AND last_seen_at < $4`,
      [orgId, scan.repository, scan.branch, now, scan.commit],
    );
    const opened = upserted.rows.filter((r) => r.opened).length;
    const { rows: inserted } = await client.query<{ id: string }>(
      `INSERT INTO ci_scans (org_id, repository, branch, "commit", owner_team_id, results, blocking, opened, fixed, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        orgId,
        scan.repository,
        scan.branch,
        scan.commit,
        teamId,
        rows.length,
        rows.filter(([, r]) => r.blocking).length,
        opened,
        fixed.rowCount ?? 0,
        now,
      ],
    );
    return { scanId: inserted[0].id, findings: rows.length, opened, fixed: fixed.rowCount ?? 0, teamId };
  });
}
