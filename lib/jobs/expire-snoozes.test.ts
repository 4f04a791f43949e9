import { describe, expect, it, vi } from "vitest";
import { pool } from "@/lib/server/db";
import { snoozeFindings } from "@/lib/findings/triage";
import {
  createTriageTenant,
  eventsOf,
  rollupVersusFindings,
  sessionContext,
  statesOf,
} from "@/lib/findings/triage-testing";
import { expireSnoozes } from "./expire-snoozes";
import { RECURRING_JOBS } from "@/lib/worker/recurring";

// Every test ingests a real report first; the cold first one can outlast the default on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const MINUTE = 60_000;

async function snoozedCount(orgId: string) {
  const { rows } = await pool.query<{ state: string; n: number }>(
    `SELECT state::text, sum(count)::int AS n FROM finding_counts WHERE org_id = $1 GROUP BY state`,
    [orgId],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

describe("snooze expiry", () => {
  it("opens findings whose snooze ended, with an event, and the rollups follow", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const [ended, running] = t.findings.team as [string, string];
    const now = new Date();
    // Snoozed an hour ago until a minute ago (the verb is told the time it was called).
    const until = new Date(now.getTime() - MINUTE);
    await snoozeFindings(ctx, [ended], { until }, new Date(now.getTime() - 60 * MINUTE));
    await snoozeFindings(ctx, [running], { until: new Date(now.getTime() + 60 * MINUTE) }, now);
    const before = await snoozedCount(t.org.id);
    expect(before.snoozed).toBe(2);

    expect(await expireSnoozes(now)).toBeGreaterThanOrEqual(1);
    expect(await statesOf([ended, running])).toEqual({ [ended]: "open", [running]: "snoozed" });
    const events = await eventsOf([ended, running], ["unsnoozed"]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ finding_id: ended, actor_id: null, data: { expired: true } });
    expect(new Date(events[0]!.data.until as string).getTime()).toBe(until.getTime());

    const after = await snoozedCount(t.org.id);
    expect(after.snoozed).toBe(1);
    expect(after.open).toBe(before.open! + 1);
    const state = await rollupVersusFindings(t.org.id);
    expect(state.rollup).toEqual(state.direct);

    // Nothing left to do for this org: a second run changes nothing here.
    await expireSnoozes(now);
    expect(await eventsOf([ended, running], ["unsnoozed"])).toHaveLength(1);
  });

  it("is scheduled every minute", () => {
    expect(RECURRING_JOBS.find((j) => j.name === "expire-snoozes")).toMatchObject({ cron: "* * * * *" });
  });
});
