import "server-only";
import pg from "pg";
import { env } from "./env";

export type TNotifiedLoop = { stop: () => Promise<void> };

export type TNotifiedLoopOptions = {
  /** The NOTIFY channel that says there is work (sent at commit by whoever wrote it). */
  channel: string;
  /** How long to sleep when idle: the fallback for a missed notification, retries and leases. */
  pollMs: number;
  /**
   * One round of work; true when there is probably more right away (no sleep before the next).
   * `stopping()` turns true once stop() is called: a long round should end early then.
   */
  step: (stopping: () => boolean) => Promise<boolean | void>;
  /** A round that threw: the loop goes on after the usual sleep. */
  onError: (err: Error) => void;
  /** The LISTEN connection could not be made (`connecting`) or dropped: only latency is lost. */
  onListenerLost?: (err: Error, connecting: boolean) => void;
};

/**
 * The worker's loops (reports, alert delivery): run `step`, then sleep until a notification on
 * `channel` or `pollMs`; reconnect the listener when it is lost. `stop()` wakes the loop and waits
 * for the round in progress to finish.
 */
export function startNotifiedLoop(options: TNotifiedLoopOptions): TNotifiedLoop {
  let stopping = false;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function listen() {
    try {
      listener = new pg.Client({ connectionString: env().DATABASE_URL });
      listener.on("notification", () => wake?.());
      listener.on("error", (err) => {
        options.onListenerLost?.(err, false);
        listener = undefined;
      });
      await listener.connect();
      await listener.query(`LISTEN ${options.channel}`);
    } catch (err) {
      options.onListenerLost?.(err as Error, true);
      listener = undefined;
    }
  }

  async function loop() {
    while (!stopping) {
      if (!listener) await listen();
      let busy = false;
      try {
        busy = (await options.step(() => stopping)) === true;
      } catch (err) {
        options.onError(err as Error);
      }
      if (!stopping && !busy) await sleep();
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
