// The demo's history: the agent of each cluster reported three times. The reports are uploaded now,
// in order, and seedDemo then moves each phase's rows back by its offset (demo history is
// backdated), so trends and finding histories have shape.

export const PHASES = ["first", "middle", "current"] as const;
export type TPhase = (typeof PHASES)[number];

export const PHASE_DAYS_AGO: Readonly<Record<TPhase, number>> = { first: 14, middle: 6, current: 0 };

/** What the agent uploaded in each phase, in upload order: the inventory first, for ownership. */
export const PHASE_REPORTS: Readonly<Record<TPhase, readonly string[]>> = {
  first: ["installation", "workloads", "polaris", "trivy", "pluto", "nova", "goldilocks", "kube-bench"],
  middle: ["workloads", "polaris", "trivy"],
  current: ["workloads", "polaris", "trivy", "pluto", "nova", "goldilocks", "kube-bench"],
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a phase happened, as written inside its reports (audit times, scan times). */
export function phaseTime(phase: TPhase, now: Date): Date {
  return new Date(now.getTime() - PHASE_DAYS_AGO[phase] * DAY_MS);
}

export function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}
