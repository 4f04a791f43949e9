import "server-only";
import pg from "pg";
import { env } from "@/lib/server/env";
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
  let stopping = false;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;
  // One line a minute with the totals, not one per step (see delivery-summary.ts).
  const summary = createDeliverySummary({ log });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function listen() {
    try {
      listener = new pg.Client({ connectionString: env().DATABASE_URL });
      listener.on("notification", () => wake?.());
      listener.on("error", () => (listener = undefined));
      await listener.connect();
      await listener.query(`LISTEN ${ALERTS_CHANNEL}`);
    } catch {
      listener = undefined;
    }
  }

  async function loop() {
    while (!stopping) {
      if (!listener) await listen();
      let busy = false;
      try {
        const step = await deliverDueEvents(options.delivery);
        summary.record(step);
        // A full batch that was not all throttled: there is probably more right away.
        busy = step.claimed > 0 && step.throttled < step.claimed;
      } catch (err) {
        log(`error: ${(err as Error).message}; retrying in ${pollMs} ms`);
      }
      summary.tick();
      if (!stopping && !busy) await sleep(pollMs);
    }
    summary.flush();
  }

  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await running;
      await listener?.end().catch(() => undefined);
    },
  };
}
