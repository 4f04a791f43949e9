import "server-only";
import { startNotifiedLoop, type TNotifiedLoop } from "@/lib/server/notified-loop";
import type { TFileTicket } from "../dispatch/dispatch-ticket";
import { runDueDispatches } from "../dispatch/run-dispatches";
import { AUTOMATION_JOBS_CHANNEL } from "./job-row";
import { runPendingApplyJobs } from "./run-pending";

/** How often the loop looks without being woken: a dead worker's job and new dispatches are found this soon. */
export const AUTOMATION_POLL_MS = 2000;

/**
 * The worker's automation loop: apply-to-existing and daily jobs (woken by startApplyJob's NOTIFY
 * at commit, so a job starts within moments; polling also finds a dead worker's job at once, its
 * org's run lock being free), then rules' tickets, messages and pages due now, so they go out
 * within seconds of the run that matched. A long job runs to its end in this loop; `stop()` makes
 * it stop between batches (it stays running, for the next worker).
 */
export function startAutomationLoop(options: {
  /** lib/tickets' createTicket, for rules' ticket actions. */
  fileTicket: TFileTicket;
  pollMs?: number;
  log?: (line: string) => void;
  /** Only this org's jobs and dispatches (tests share one database). */
  orgId?: string;
}): TNotifiedLoop {
  const log = options.log ?? (() => undefined);
  const pollMs = options.pollMs ?? AUTOMATION_POLL_MS;
  return startNotifiedLoop({
    channel: AUTOMATION_JOBS_CHANNEL,
    pollMs,
    async step(stopping) {
      await runPendingApplyJobs({ shouldStop: stopping, log, orgId: options.orgId });
      if (stopping()) return;
      const sent = await runDueDispatches({ orgId: options.orgId, fileTicket: options.fileTicket });
      if (sent.done + sent.failed + sent.retried > 0) {
        log(`${sent.done} rule action(s) sent, ${sent.failed} kept with an error, ${sent.retried} to retry`);
      }
    },
    onError: (err) => log(`error: ${err.message}; retrying in ${pollMs} ms`),
    onListenerLost: (err, connecting) =>
      log(`${connecting ? "cannot listen" : "listener lost"} (${err.message}); polling every ${pollMs} ms`),
  });
}
