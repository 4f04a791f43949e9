import type { TDeliveryStep } from "./deliver";

type TCounts = Omit<TDeliveryStep, "claimed">;
const KINDS = ["delivered", "retried", "failed", "throttled"] as const satisfies readonly (keyof TCounts)[];

export type TDeliverySummary = {
  /** Adds one delivery step's outcome. */
  record: (step: TDeliveryStep) => void;
  /** Logs the totals once `intervalMs` has passed since the last line (called on every loop turn). */
  tick: () => void;
  /** Logs what is left (on stop). */
  flush: () => void;
};

/**
 * The delivery loop steps every second, so a line per step floods the worker's log on a quiet
 * demo (each alert's trigger and resolve is a step). This keeps one line per interval with the
 * totals, e.g. `events in the last 60 s: 12 delivered, 1 retried`, and nothing when nothing
 * was sent.
 */
export function createDeliverySummary(options: {
  log: (line: string) => void;
  intervalMs?: number;
  now?: () => number;
}): TDeliverySummary {
  const intervalMs = options.intervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  let since = now();
  let counts: TCounts = { delivered: 0, retried: 0, failed: 0, throttled: 0 };

  const write = () => {
    const parts = KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
    // Throttled alone means nothing was sent yet: it shows up with the sends that follow.
    if (counts.delivered + counts.retried + counts.failed > 0) {
      options.log(`events in the last ${Math.round((now() - since) / 1000)} s: ${parts.join(", ")}`);
      counts = { delivered: 0, retried: 0, failed: 0, throttled: 0 };
    }
    since = now();
  };

  return {
    record(step) {
      for (const k of KINDS) counts[k] += step[k];
    },
    tick() {
      if (now() - since >= intervalMs) write();
    },
    flush: write,
  };
}
