import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { parseRangeState } from "../format/page-state";
import { isoDay } from "../range";
import { costScopeOf } from "../scope";

type TSearch = Record<string, string | string[] | undefined>;

/**
 * What every cost page starts from once its guard has let the viewer in: today, the range in the
 * link, the cost the viewer may read, and the cost area's path.
 */
export function costPageContext(access: TOrgAccess, search: TSearch) {
  const today = isoDay(new Date());
  const state = parseRangeState(search, today);
  return { today, state, range: state.range, scope: costScopeOf(access), base: `/o/${access.org.slug}/cost` };
}
