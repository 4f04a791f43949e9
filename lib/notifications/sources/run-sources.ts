import "server-only";
import { queueEventMessages } from "@/lib/alerting/engine/queue-messages";
import { sqlOf } from "@/lib/alerting/engine/sql";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { admissionSource } from "./admission";
import { assignedSource } from "./assigned";
import { ciSource } from "./ci";
import { costAnomalySource } from "./cost-anomaly";
import { clockAt, lockCursor, saveCursor, type TClock, type TSource } from "./cursor";
import { pagerDutySource } from "./pagerduty";
import { slaBreachedSource } from "./sla-breached";

// The worker's every-minute job for the notification events that are not alert groups: each
// source, each org with something new, one transaction per batch (cursor locked, events read,
// messages queued, cursor moved).

export const NOTIFICATION_SOURCES_JOB = "notification-sources";

export const NOTIFICATION_SOURCES: readonly TSource[] = [
  admissionSource,
  ciSource,
  costAnomalySource,
  pagerDutySource,
  assignedSource,
  slaBreachedSource,
];

/** Reads one org's source up to the clock's settle time; returns the messages queued. */
export async function runSourceForOrg(source: TSource, orgId: string, clock: TClock): Promise<number> {
  let queued = 0;
  for (;;) {
    const step = await inTransaction(pool, async (client) => {
      const from = await lockCursor(client, orgId, source.name, source.initial?.(clock) ?? clock.start);
      const read = await source.read(client, orgId, from, clock);
      const n = await queueEventMessages(sqlOf(client), orgId, read.events, clock.now);
      if (read.next) await saveCursor(client, orgId, source.name, read.next);
      return { n, more: read.more };
    });
    queued += step.n;
    if (!step.more) return queued;
  }
}

/**
 * Runs every source for every org with something new. One org's failure does not hold up the
 * others: the run goes on and throws at the end (the job logs it, the next run retries).
 */
export async function runNotificationSources(
  now = new Date(),
  sources: readonly TSource[] = NOTIFICATION_SOURCES,
): Promise<number> {
  const clock = clockAt(now);
  let queued = 0;
  const failures: string[] = [];
  for (const source of sources) {
    for (const orgId of await source.orgs(clock)) {
      try {
        queued += await runSourceForOrg(source, orgId, clock);
      } catch (err) {
        failures.push(`${source.name} for org ${orgId}: ${(err as Error).message}`);
      }
    }
  }
  if (failures.length) throw new Error(`Notification sources failed (${queued} queued): ${failures.join("; ")}`);
  return queued;
}
