import { z } from "zod";
import { ZCalendarDate } from "@/lib/server/safe-input";
import { RANGE_PRESETS } from "./range";

const price = z
  .number()
  .nonnegative("A price cannot be negative.")
  .max(1e6)
  .nullish()
  .transform((v) => v ?? null);

/** Org currency and unit prices; a null price means the default (OpenCost's list price). */
export const ZCostSettingsInput = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code, e.g. USD or EUR."),
  cpuHourPrice: price,
  memoryGibHourPrice: price,
  gpuHourPrice: price,
  storageGibHourPrice: price,
});
export type TCostSettingsInput = z.input<typeof ZCostSettingsInput>;

/** A cluster's own prices (null: the org's), or a node hourly cost split half CPU, half memory. */
export const ZClusterPricesInput = z.object({
  cpuHourPrice: price,
  memoryGibHourPrice: price,
  gpuHourPrice: price,
  storageGibHourPrice: price,
  nodeHourPrice: price,
});
export type TClusterPricesInput = z.input<typeof ZClusterPricesInput>;

const day = ZCalendarDate;

/** ?range=7d|30d|90d|mtd|custom&from=YYYY-MM-DD&to=YYYY-MM-DD, as the cost pages and API take it. */
export const ZRangeParams = z
  .object({
    range: z.enum(RANGE_PRESETS).default("30d"),
    from: day.optional(),
    to: day.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.range === "custom" && (!v.from || !v.to)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "A custom range needs from and to (YYYY-MM-DD)." });
    }
  });
