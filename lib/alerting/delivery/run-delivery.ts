import "server-only";
import pg from "pg";
import { env } from "@/lib/server/env";
import { ALERTS_CHANNEL } from "../engine/write";
import { deliverDueEvents, type TDeliveryOptions } from "./deliver";

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
        if (step.delivered + step.failed + step.retried > 0) {
          const parts = Object.entries(step).filter(([k, v]) => k !== "claimed" && v > 0);
          log(`events: ${parts.map(([k, v]) => `${v} ${k}`).join(", ")}`);
        }
        // A full batch that was not all throttled: there is probably more right away.
        busy = step.claimed > 0 && step.throttled < step.claimed;
      } catch (err) {
        log(`error: ${(err as Error).message}; retrying in ${pollMs} ms`);
      }
      if (!stopping && !busy) await sleep(pollMs);
    }
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
