import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/server/cursor";

// Keyset pagination over an ordered list with mixed sort directions (worst first, then by name):
// pages are found by comparing with the last row shown, never by OFFSET, so a deep page costs what
// the first does and rows do not shift when something is fixed meanwhile.

export type TKeyPart = { expr: string; dir: "asc" | "desc"; cast: string };
export type TKeyValue = string | number;
export type TDirection = "next" | "prev";

const ZCursor = z.object({ d: z.enum(["next", "prev"]), k: z.array(z.union([z.string(), z.number()])).min(1) });
export type TPageCursor = z.infer<typeof ZCursor>;

/** An opaque cursor from the URL, or undefined when absent or not one of ours (start from the top). */
export function readCursor(raw: string | undefined, width: number): TPageCursor | undefined {
  if (!raw) return undefined;
  try {
    const cursor = decodeCursor(raw, ZCursor);
    return cursor.k.length === width ? cursor : undefined;
  } catch {
    return undefined;
  }
}

/** `ORDER BY` for the direction of travel: reversed when going back. */
export function keysetOrder(parts: readonly TKeyPart[], direction: TDirection): string {
  return parts.map((p) => `${p.expr} ${(p.dir === "desc") === (direction === "next") ? "DESC" : "ASC"}`).join(", ");
}

/** The rows after (or before) `values` in the list's order, as one SQL condition with its params. */
export function keysetCondition(
  parts: readonly TKeyPart[],
  values: readonly TKeyValue[],
  direction: TDirection,
  params: unknown[],
): string {
  const refs = values.map((v, i) => {
    params.push(v);
    return `$${params.length}::${parts[i].cast}`;
  });
  const branches = parts.map((part, i) => {
    const forward = (part.dir === "asc") === (direction === "next");
    const equal = parts.slice(0, i).map((p, j) => `${p.expr} = ${refs[j]}`);
    return [...equal, `${part.expr} ${forward ? ">" : "<"} ${refs[i]}`].join(" AND ");
  });
  return `(${branches.map((b) => `(${b})`).join(" OR ")})`;
}

export type TKeysetPage<T> = { data: T[]; next: string | null; prev: string | null };

/**
 * Turns the `limit + 1` rows fetched in the direction of travel into a page in list order, with the
 * cursors of its neighbours.
 */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  cursor: TPageCursor | undefined,
  keyOf: (row: T) => TKeyValue[],
): TKeysetPage<T> {
  const more = rows.length > limit;
  const data = rows.slice(0, limit);
  const direction = cursor?.d ?? "next";
  if (direction === "prev") data.reverse();
  const first = data[0];
  const last = data[data.length - 1];
  const at = (row: T | undefined, d: TDirection) => (row ? encodeCursor({ d, k: keyOf(row) }) : null);
  if (direction === "next") {
    return { data, next: more ? at(last, "next") : null, prev: cursor ? at(first, "prev") : null };
  }
  return { data, next: at(last, "next"), prev: more ? at(first, "prev") : null };
}
