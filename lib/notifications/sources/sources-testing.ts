import "server-only";
import { pool } from "@/lib/server/db";
import type { TMessageRow } from "../testing/team-channels";
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
