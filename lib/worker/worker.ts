import "server-only";
import pg from "pg";
import { env } from "@/lib/server/env";
import { runRecurringJobs } from "@/lib/jobs/boss";
import { startAlertDelivery } from "@/lib/alerting/delivery/run-delivery";
import { sendMessage } from "@/lib/notifications/delivery/send-message";
import { RECURRING_JOBS } from "@/lib/worker/recurring";
import { REPORTS_CHANNEL } from "@/lib/ingest/notify";
import { processReport } from "./process-report";
import { refreshStaleFindingOwners } from "./stale-owners";

export type TWorkerOptions = {
  /** Polling interval: the fallback when a notification is missed (worker restarting). */
  pollMs?: number;
  log?: (line: string) => void;
};

export type TWorker = { stop: () => Promise<void> };

/**
 * The background worker: processes stored reports as they arrive (woken by NOTIFY, polling as a
 * fallback), refreshes findings' owners after scope edits, and runs the scheduled jobs of
 * lib/jobs (pg-boss, e.g. snooze expiry), and delivers PagerDuty events from the alert outbox.
 * Runs beside the web server so a
 * 50 MB report never holds up a page or an agent's upload. Any number of workers may run: reports
 * are claimed with SKIP LOCKED.
 */
export function startWorker(options: TWorkerOptions = {}): TWorker {
  const pollMs = options.pollMs ?? 5000;
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  let stopping = false;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function listen() {
    try {
      listener = new pg.Client({ connectionString: env().DATABASE_URL });
      listener.on("notification", () => wake?.());
      // A dropped listener only costs latency: polling continues, and the loop reconnects.
      listener.on("error", (err) => {
        log(`listener lost (${err.message}); polling every ${pollMs} ms`);
        listener = undefined;
      });
      await listener.connect();
      await listener.query(`LISTEN ${REPORTS_CHANNEL}`);
    } catch (err) {
      log(`cannot listen (${(err as Error).message}); polling every ${pollMs} ms`);
      listener = undefined;
    }
  }

  async function loop() {
    while (!stopping) {
      if (!listener) await listen();
      try {
        let outcome;
        while (!stopping && (outcome = await processReport())) {
          log(`report ${outcome.reportId} ${outcome.status}${outcome.error ? `: ${outcome.error}` : ""}`);
        }
        await refreshStaleFindingOwners();
      } catch (err) {
        log(`error: ${(err as Error).message}; retrying in ${pollMs} ms`);
      }
      if (!stopping) await sleep();
    }
  }

  const running = loop();
  const jobs = runRecurringJobs(RECURRING_JOBS, { log });
  // Outbox delivery (lib/alerting): PagerDuty events, and messages through the notifications
  // feature's sender. Its own loop, so a slow provider never delays reports.
  const alerts = startAlertDelivery({ log: (line) => log(`alerts: ${line}`), delivery: { sendMessage } });
  return {
    async stop() {
      stopping = true;
      wake?.();
      await Promise.all([running, jobs.stop(), alerts.stop()]);
      await listener?.end().catch(() => undefined);
    },
  };
}
