import "server-only";
import { startNotifiedLoop } from "@/lib/server/notified-loop";
import { runRecurringJobs } from "@/lib/jobs/boss";
import { startAlertDelivery } from "@/lib/alerting/delivery/run-delivery";
import { sendMessage } from "@/lib/notifications/delivery/send-message";
import { sendTicketCall } from "@/lib/tickets/sync/send-ticket-call";
import { RECURRING_JOBS } from "@/lib/worker/recurring";
import { REPORTS_CHANNEL } from "@/lib/ingest/notify";
import { AUTOMATION_JOBS_CHANNEL } from "@/lib/automation/jobs/job-row";
import { runPendingApplyJobs } from "@/lib/automation/jobs/run-pending";
import { runDueDispatches } from "@/lib/automation/dispatch/run-dispatches";
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
  const reports = startNotifiedLoop({
    channel: REPORTS_CHANNEL,
    pollMs,
    async step(stopping) {
      let outcome;
      while (!stopping() && (outcome = await processReport())) {
        log(`report ${outcome.reportId} ${outcome.status}${outcome.error ? `: ${outcome.error}` : ""}`);
      }
      await refreshStaleFindingOwners();
    },
    onError: (err) => log(`error: ${err.message}; retrying in ${pollMs} ms`),
    // A dropped listener only costs latency: polling continues, and the loop reconnects.
    onListenerLost: (err, connecting) =>
      log(`${connecting ? "cannot listen" : "listener lost"} (${err.message}); polling every ${pollMs} ms`),
  });
  // Automation: apply-to-existing and daily jobs (woken by startApplyJob's NOTIFY; polling every
  // 2 s also picks up a dead worker's job and rules' tickets, messages and pages soon after a run).
  const automation = startNotifiedLoop({
    channel: AUTOMATION_JOBS_CHANNEL,
    pollMs: Math.min(pollMs, 2000),
    async step(stopping) {
      await runPendingApplyJobs({ shouldStop: stopping, log: (line) => log(`automation: ${line}`) });
      const sent = await runDueDispatches();
      if (sent.done + sent.failed + sent.retried > 0) {
        log(
          `automation: ${sent.done} rule action(s) sent, ${sent.failed} kept with an error, ${sent.retried} to retry`,
        );
      }
    },
    onError: (err) => log(`automation error: ${err.message}`),
    onListenerLost: (err, connecting) =>
      log(`automation: ${connecting ? "cannot listen" : "listener lost"} (${err.message}); polling`),
  });
  const jobs = runRecurringJobs(RECURRING_JOBS, { log });
  // Outbox delivery (lib/alerting): PagerDuty events, messages through the notifications
  // feature's sender, ticket calls through lib/tickets'. Its own loop, so a slow provider never
  // delays reports.
  const alerts = startAlertDelivery({
    log: (line) => log(`alerts: ${line}`),
    delivery: { sendMessage, sendTicketCall: (event) => sendTicketCall(event) },
  });
  return {
    async stop() {
      await Promise.all([reports.stop(), automation.stop(), jobs.stop(), alerts.stop()]);
    },
  };
}
