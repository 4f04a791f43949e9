import "server-only";
import type { TRecurringJob } from "./boss";
import { checkStaleClusters, STALE_CLUSTER_ALERTS_JOB } from "@/lib/alerting/stale-job";
import { EXPIRE_SNOOZES_JOB, expireSnoozes } from "./expire-snoozes";

/** The jobs the worker runs on a schedule. */
export const RECURRING_JOBS: readonly TRecurringJob[] = [
  {
    name: EXPIRE_SNOOZES_JOB,
    cron: "* * * * *",
    run: async () => {
      const opened = await expireSnoozes();
      return opened > 0 ? `${opened} snoozed finding(s) open again` : undefined;
    },
  },
  {
    name: STALE_CLUSTER_ALERTS_JOB,
    cron: "* * * * *",
    run: async () => {
      const events = await checkStaleClusters();
      return events > 0 ? `${events} stale-cluster alert event(s) enqueued` : undefined;
    },
  },
];
