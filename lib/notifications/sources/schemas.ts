import { z } from "zod";

/** The cost anomaly factor: a day above the trailing mean times this is an anomaly. */
export const DEFAULT_COST_ANOMALY_FACTOR = 1.5;
export const MIN_COST_ANOMALY_FACTOR = 1.1;
export const MAX_COST_ANOMALY_FACTOR = 10;

export const ZCostAnomalyFactor = z.coerce
  .number({ error: "Enter a number, e.g. 1.5." })
  .min(MIN_COST_ANOMALY_FACTOR, `At least ${MIN_COST_ANOMALY_FACTOR} (10% above the usual day).`)
  .max(MAX_COST_ANOMALY_FACTOR, `At most ${MAX_COST_ANOMALY_FACTOR}.`)
  // Two decimals are as fine as a threshold on a day's cost needs to be.
  .transform((v) => Math.round(v * 100) / 100);

/** A form's input: `{ costAnomalyFactor }`. */
export const ZCostAnomalySetting = z.object({ costAnomalyFactor: ZCostAnomalyFactor });
