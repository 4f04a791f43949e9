import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { RECURRING_JOBS } from "@/lib/worker/recurring";
import { admissionSource } from "./admission";
import type { TSource } from "./cursor";
import { NOTIFICATION_SOURCES_JOB, runNotificationSources } from "./run-sources";
import { minutesAfter, queuedMessages, sourcesSetup } from "./sources-testing";

// The every-minute job: a source that fails for one org leaves that org's cursor where it was
// (its rows are read again next run) and does not hold up the other orgs.

async function denied(orgId: string, clusterId: string, teamId: string, at: Date) {
  await pool.query(
    `INSERT INTO admission_decisions (org_id, cluster_id, team_id, uid, operation, namespace, kind, name, outcome,
                                      blocking, created_at)
     VALUES ($1, $2, $3, 'uid-1', 'CREATE', 'payments-api', 'Deployment', 'api', 'denied', '{runAsPrivileged}', $4)`,
    [orgId, clusterId, teamId, at],
  );
}

describe("the notification sources job", () => {
  it("runs every minute", () => {
    expect(RECURRING_JOBS.find((j) => j.name === NOTIFICATION_SOURCES_JOB)).toMatchObject({ cron: "* * * * *" });
  });

  it("isolates an org whose source fails, and reads its rows again on the next run", async () => {
    const a = await sourcesSetup(["admission.denied"]);
    const b = await sourcesSetup(["admission.denied"]);
    const t0 = new Date();
    await denied(a.t.org.id, a.cluster.id, a.payments.id, t0);
    await denied(b.t.org.id, b.cluster.id, b.payments.id, t0);
    let broken = true;
    // Only these two orgs (other tests' orgs are theirs to run).
    const source: TSource = {
      ...admissionSource,
      orgs: async (clock) => (await admissionSource.orgs(clock)).filter((id) => id === a.t.org.id || id === b.t.org.id),
      read: async (client, orgId, from, clock) => {
        const read = await admissionSource.read(client, orgId, from, clock);
        if (broken && orgId === a.t.org.id) throw new Error("the database hiccuped");
        return read;
      },
    };

    const failed = await runNotificationSources(minutesAfter(t0, 1), [source]).catch((e: Error) => e);
    expect(String(failed)).toContain(`admission for org ${a.t.org.id}: the database hiccuped`);
    expect(await queuedMessages(a.t.org.id)).toEqual([]);
    expect(await queuedMessages(b.t.org.id)).toHaveLength(2);

    broken = false;
    expect(await runNotificationSources(minutesAfter(t0, 2), [source])).toBe(2);
    expect(await queuedMessages(a.t.org.id)).toHaveLength(2);
    expect(await queuedMessages(b.t.org.id)).toHaveLength(2);
  });
});
