/** Up or down one place, or to a 0-based index of the list. */
export type TMoveTo = "up" | "down" | { index: number };

/**
 * Moves `id` within `ids` (in place): one place up or down, or to an index (clamped to the
 * list). Returns its old and new index, or null when it stays where it is (already at that end).
 * Shared by every ordered list people rearrange: automation rules, SSO group mappings.
 */
export function moveWithin(ids: string[], id: string, to: TMoveTo): { from: number; to: number } | null {
  const from = ids.indexOf(id);
  const target = to === "up" ? from - 1 : to === "down" ? from + 1 : to.index;
  const index = Math.max(0, Math.min(target, ids.length - 1));
  if (from < 0 || index === from) return null;
  ids.splice(from, 1);
  ids.splice(index, 0, id);
  return { from, to: index };
}
