import { z } from "zod";

// The insights-agent plugins are Go: nil slices and maps marshal as null, and a field a newer plugin
// adds is missing from an older one's output. These schemas read both as "empty".

/** A slice: null or absent is []. */
export function goSlice<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);
}

/** A Kubernetes label/annotation map: null or absent is {}. */
export function goStringMap() {
  return z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v) => {
      const out: Record<string, string> = {};
      if (!v) return out;
      for (const [k, value] of Object.entries(v)) {
        // Label values are strings; a hand-made report may carry numbers or booleans: keep their text.
        if (typeof value === "string") out[k] = value;
        else if (typeof value === "number" || typeof value === "boolean") out[k] = String(value);
      }
      return out;
    });
}

/** A string field: null or absent is "". */
export const goString = z
  .string()
  .nullish()
  .transform((v) => v ?? "");
