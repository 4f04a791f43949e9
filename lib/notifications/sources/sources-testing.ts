import "server-only";
import { expect } from "vitest";
import { pool } from "@/lib/server/db";
import { queuedMessages, type TMessageRow } from "../testing/team-channels";
import { clockAt, type TSource } from "./cursor";
import { runSourceForOrg } from "./run-sources";

// What the sources' tests share on top of the routing tests' org (../testing/team-channels.ts).

export { queuedMessages, teamChannelsSetup as sourcesSetup } from "../testing/team-channels";

/** `[type, channel, team]` of each message, for compact assertions. */
export const routed = (rows: readonly TMessageRow[]) =>
  rows.map((r) => [r.type, r.target, r.message.team?.name ?? null] as const);

/** Switches every subscription of the org to other events: nobody wants the source's type. */
export async function subscribeElsewhere(orgId: string) {
  await pool.query(`UPDATE notification_subscriptions SET events = '{cluster.stale}' WHERE org_id = $1`, [orgId]);
}

/** One run of `source` for this org only, as the job at `now` would do it. */
export const runAt = (source: TSource, orgId: string, now: Date) => runSourceForOrg(source, orgId, clockAt(now));

export const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

/**
 * Runs `source` at `now` and checks that it queued two `type` messages, both to Payments' channel
 * (Payments' own subscription and the baseline sent to its channel); returns the queued rows.
 */
export async function expectTwoForPayments(source: TSource, orgId: string, now: Date, type: string) {
  expect(await runAt(source, orgId, now)).toBe(2);
  const rows = await queuedMessages(orgId);
  expect(routed(rows)).toEqual([
    [type, "C0PAYMENTS", "Payments"],
    [type, "C0PAYMENTS", "Payments"],
  ]);
  return rows;
}
