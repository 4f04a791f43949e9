import { PRICE_FIELDS, priceText, type TPriceField } from "../forms/price-form";
import { DEFAULT_SPOT_PRICES, type TClusterPriceOverrides, type TPriceOverrides, type TUnitPrices } from "../prices";

// What Settings → Cost shows of the unit prices: the form fields of the org's and a cluster's
// prices, with the price that applies when a field is left empty, and the defaults table. Pure.

/** A price input: its form name, label and unit, and the price an empty field falls back to. */
export type TPriceFieldSpec = { name: TPriceField; label: string; unit: string; placeholder: string };

const UNIT_PRICES = [
  { name: "cpuHourPrice", key: "cpuHour", label: "CPU", unit: "per vCPU-hour" },
  { name: "memoryGibHourPrice", key: "memoryGibHour", label: "Memory", unit: "per GiB-hour" },
  { name: "gpuHourPrice", key: "gpuHour", label: "GPU", unit: "per GPU-hour" },
  { name: "storageGibHourPrice", key: "storageGibHour", label: "Storage", unit: "per GiB-hour" },
] as const;

/**
 * The price fields, each showing what applies when it is left empty (`inherited`: the defaults
 * for the org's prices, the org's for a cluster's). A cluster also takes a node hourly cost.
 */
export function priceFieldSpecs(inherited: TUnitPrices, { node = false }: { node?: boolean } = {}): TPriceFieldSpec[] {
  const specs: TPriceFieldSpec[] = UNIT_PRICES.map((p) => ({
    name: p.name,
    label: p.label,
    unit: p.unit,
    placeholder: String(inherited[p.key]),
  }));
  return node
    ? [...specs, { name: "nodeHourPrice", label: "Node", unit: "per node-hour", placeholder: "e.g. 0.192" }]
    : specs;
}

/** Stored prices as their fields show them: "" for a price that is inherited. */
export function priceTexts(overrides: TPriceOverrides | TClusterPriceOverrides): Record<string, string> {
  const prices: Partial<TClusterPriceOverrides> = overrides;
  const names: TPriceField[] = "nodeHourPrice" in prices ? [...PRICE_FIELDS, "nodeHourPrice"] : [...PRICE_FIELDS];
  return Object.fromEntries(names.map((name) => [name, priceText(prices[name])]));
}

/** The defaults table: per resource the on-demand list price and, where OpenCost has one, the spot price. */
export function defaultPriceRows(defaults: TUnitPrices): { resource: string; onDemand: number; spot: number | null }[] {
  return [
    { resource: "vCPU-hour", onDemand: defaults.cpuHour, spot: DEFAULT_SPOT_PRICES.cpuHour },
    { resource: "GiB-hour of memory", onDemand: defaults.memoryGibHour, spot: DEFAULT_SPOT_PRICES.memoryGibHour },
    { resource: "GPU-hour", onDemand: defaults.gpuHour, spot: null },
    { resource: "GiB-hour of storage", onDemand: defaults.storageGibHour, spot: null },
  ];
}

/** A unit price in the currency, with as many digits as it has (up to six significant). */
export function formatUnitPrice(value: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumSignificantDigits: 6 }).format(value);
}
