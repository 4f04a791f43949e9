import { z } from "zod";

// The query string of the tickets pages: a state filter and a keyset cursor. A value that does
// not parse is ignored (a stale bookmark still shows the list), never an error page.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const ZState = z.preprocess(first, z.enum(["open", "closed"]).optional().catch(undefined));
const ZCursor = z.preprocess(first, z.string().min(1).max(500).optional().catch(undefined));

export type TTicketListParams = { state?: "open" | "closed"; cursor: string | null };

export function parseTicketListParams(params: Record<string, string | string[] | undefined>): TTicketListParams {
  const state = ZState.parse(params.state);
  return { ...(state ? { state } : {}), cursor: ZCursor.parse(params.cursor) ?? null };
}

/** The list's URL with a state and a cursor (both left out when empty). */
export function ticketListHref(
  base: string,
  state: "open" | "closed" | undefined,
  cursor: string | null = null,
): string {
  const query = new URLSearchParams();
  if (state) query.set("state", state);
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}
