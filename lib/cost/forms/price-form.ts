// Price fields of Settings → Cost: empty means "inherit" (null), anything else must be a number.
// Pure; ZCostSettingsInput / ZClusterPricesInput check ranges after this.

export const PRICE_FIELDS = ["cpuHourPrice", "memoryGibHourPrice", "gpuHourPrice", "storageGibHourPrice"] as const;
export type TPriceField = (typeof PRICE_FIELDS)[number] | "nodeHourPrice";

export function parsePriceFields<K extends TPriceField>(
  read: (name: K) => string,
  names: readonly K[],
): { ok: true; values: Record<K, number | null> } | { ok: false; fieldErrors: Record<string, string[]> } {
  const values = {} as Record<K, number | null>;
  const fieldErrors: Record<string, string[]> = {};
  for (const name of names) {
    const text = read(name).trim().replace(/^\$/, "");
    if (!text) {
      values[name] = null;
      continue;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) fieldErrors[name] = ["Enter a number, e.g. 0.031611, or leave it empty."];
    else values[name] = n;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, values };
}

/** A stored price as the field shows it: "" for inherit. */
export const priceText = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);
