import "server-only";
import { startNotifiedLoop } from "@/lib/server/notified-loop";
import { ALERTS_CHANNEL } from "../engine/write";
import { deliverDueEvents, type TDeliveryOptions } from "./deliver";
import { createDeliverySummary } from "./delivery-summary";

export type TAlertDelivery = { stop: () => Promise<void> };

/**
 * The outbox loop the worker runs: delivers due events step by step, then sleeps until new events
 * are notified (NOTIFY at commit) or `pollMs` passes, which also picks up retries and expired
 * leases. Any number of these may run, in one process or many.
 */
export function startAlertDelivery(
  options: { pollMs?: number; log?: (line: string) => void; delivery?: TDeliveryOptions } = {},
): TAlertDelivery {
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? ((line: string) => console.log(`[alerts] ${line}`));
  // One line a minute with the totals, not one per step (see delivery-summary.ts).
  const summary = createDeliverySummary({ log });
  const loop = startNotifiedLoop({
    channel: ALERTS_CHANNEL,
    pollMs,
    async step() {
      try {
        const step = await deliverDueEvents(options.delivery);
        summary.record(step);
        // A full batch that was not all throttled: there is probably more right away.
        return step.claimed > 0 && step.throttled < step.claimed;
      } finally {
        summary.tick();
      }
    },
    onError: (err) => log(`error: ${err.message}; retrying in ${pollMs} ms`),
  });
  return {
    async stop() {
      await loop.stop();
      summary.flush();
    },
  };
}
