// Kubernetes resource quantities ("250m", "1", "128Mi", "1Gi", "1e9", "500M") as plain numbers in base
// units: cores for CPU, bytes for memory, a count for GPUs. Reports carry them as the strings that
// apimachinery's resource.Quantity prints, so this follows its grammar:
//   <sign><digits>[.<digits>][<binarySI> | <decimalSI> | e<exponent>]

// Compiled once: parsers call this for every container of every report.
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

// Sub-unit suffixes divide rather than multiply, so "100m" is exactly the double nearest 0.1.
const DIVIDERS: Record<string, number> = { n: 1e9, u: 1e6, m: 1e3 };
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * The value of a Kubernetes quantity in base units (cores, bytes), or null when the input is not a
 * quantity (empty, garbage, another type). Numbers from JSON are taken as they are.
 */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const match = QUANTITY.exec(value.trim());
  if (!match) return null;
  const [, sign, digits, suffix, exponent] = match;
  let result = Number(digits);
  if (suffix !== undefined) {
    const divider = DIVIDERS[suffix];
    result = divider !== undefined ? result / divider : result * MULTIPLIERS[suffix];
  } else if (exponent !== undefined) {
    result = Number(`${digits}e${exponent}`);
  }
  if (!Number.isFinite(result)) return null;
  return sign === "-" ? -result : result;
}

/** CPU cores as a short human string for texts: 0.25 → "250m", 2 → "2". */
export function formatCpu(cores: number): string {
  if (cores >= 1 && Number.isInteger(cores)) return String(cores);
  if (cores >= 1) return String(Math.round(cores * 1000) / 1000);
  return `${Math.round(cores * 1000)}m`;
}

/** Bytes as a short binary-unit string for texts: 134217728 → "128Mi", 1.5 GiB → "1.5Gi". */
export function formatMemory(bytes: number): string {
  const units = ["Ki", "Mi", "Gi", "Ti", "Pi"];
  let value = bytes;
  let unit = "";
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${Math.round(value * 10) / 10}${unit}`;
}
