import type { TIssueState, TTransitionTarget } from "../../provider";

// Jira's status categories (new, indeterminate, done) and resolutions as the states Bumpers
// follows: a done issue resolved "Won't Do", "Duplicate", "Cannot Reproduce"… was not fixed.

const WONT_DO_RESOLUTION = /won'?t\s*(do|fix)|not\s*a\s*bug|duplicate|can(not|'t)\s*reproduce|declined|rejected/i;
/** Transition names that close without fixing. */
const WONT_DO_TRANSITION = /won.?t|not|declin|reject/i;

export function stateOf(categoryKey: string | undefined, resolutionName: string | null | undefined): TIssueState {
  if (categoryKey !== "done") return "open";
  return resolutionName && WONT_DO_RESOLUTION.test(resolutionName) ? "wont_do" : "done";
}

export type TJiraTransition = {
  id: string;
  name: string;
  to?: { name?: string; statusCategory?: { key?: string } };
};

/** Where a transition leads, as a Bumpers state (a done-category transition named like "Won't do" is wont_do). */
export function transitionState(transition: TJiraTransition): TIssueState {
  if (transition.to?.statusCategory?.key !== "done") return "open";
  return WONT_DO_TRANSITION.test(transition.name) ? "wont_do" : "done";
}

/**
 * The transition to take: the one the project settings name (case-insensitive), else the first
 * into the wanted category (for wont_do one named like "Won't do" first, for done one that is not).
 */
export function chooseTransition(
  transitions: TJiraTransition[],
  to: TTransitionTarget,
  named: string,
): TJiraTransition | undefined {
  const wanted = named.trim().toLowerCase();
  const byName = wanted ? transitions.find((t) => t.name.trim().toLowerCase() === wanted) : undefined;
  if (byName) return byName;
  const category = (t: TJiraTransition) => t.to?.statusCategory?.key;
  if (to === "reopen") return transitions.find((t) => category(t) === "new" || category(t) === "indeterminate");
  const done = transitions.filter((t) => category(t) === "done");
  const preferred = done.find((t) => transitionState(t) === to);
  return preferred ?? done[0];
}

/** True when the issue is already where the target leads (nothing to move; the comment still goes). */
export function alreadyThere(categoryKey: string | undefined, to: TTransitionTarget): boolean {
  return to === "reopen" ? categoryKey !== "done" : categoryKey === "done";
}
