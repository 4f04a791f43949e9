// The CI tab's decisions, apart from loading and markup: what the link selects, which state the
// page is in, and how the findings card is titled. No database: each is unit-tested.

import { z } from "zod";
import { ZRepository } from "./schemas";

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// A value the link cannot mean (a typo, a path) is dropped rather than answered with an error page.
const ZSelection = z.object({
  repository: ZRepository.optional().catch(undefined),
  branch: z.string().trim().min(1).max(255).optional().catch(undefined),
});

/**
 * The team, repository and branch a link selects; a branch only means something within its
 * repository. The team is checked against the viewer's teams by the page.
 */
export function parseCiSelection(params: Record<string, string | string[] | undefined>): {
  team: string | undefined;
  repository: string | null;
  branch: string | null;
} {
  const parsed = ZSelection.parse({
    repository: first(params.repository) || undefined,
    branch: first(params.branch) || undefined,
  });
  const repository = parsed.repository ?? null;
  return { team: first(params.team), repository, branch: repository ? (parsed.branch ?? null) : null };
}

/** "17 open, 3 blocking, on 4 branches. " from the branches' latest scans, when all are listed. */
export function branchTotals({ rows, truncated }: { rows: { open: number; blocking: number }[]; truncated: boolean }) {
  if (truncated || !rows.length) return "";
  const open = rows.reduce((n, r) => n + r.open, 0);
  const blocking = rows.reduce((n, r) => n + r.blocking, 0);
  const on = rows.length === 1 ? "on 1 branch" : `on ${rows.length} branches`;
  return `${open} open${blocking ? `, ${blocking} blocking,` : ""} ${on}. `;
}

/**
 * Which state the tab is in: no scan has ever arrived (how to set CI up); none the viewer may see
 * matches the view; or the branches and their findings.
 */
export function ciPageKind(input: { anyScan: boolean; branchRows: number; scanFound: boolean }) {
  if (!input.anyScan) return "setup" as const;
  if (input.branchRows === 0 && !input.scanFound) return "nothing-visible" as const;
  return "results" as const;
}

/** What the findings card shows: a warning about an unseen branch, a stale page, a clean bill, or the list. */
export function ciFindingsBody(input: {
  branch: string | null;
  scanFound: boolean;
  /** Findings on the page; null when the query refused the page's cursor. */
  count: number | null;
}) {
  if (input.branch && !input.scanFound) return "unseen-branch" as const;
  if (input.count === null) return "bad-page" as const;
  return input.count === 0 ? ("clean" as const) : ("list" as const);
}

/** The branches card's description: all branches, or the most recent when there are more. */
export const branchesDescription = (truncated: boolean, limit: number) =>
  truncated
    ? `The ${limit} most recently scanned branches; pick a repository to see all of its branches.`
    : "The latest scan of each branch, newest first. Open a branch to see its findings.";

/** The findings card's title and description when no single branch is chosen. */
export function ciFindingsHeading(
  repository: string | null,
  branches: { rows: { open: number; blocking: number }[]; truncated: boolean },
) {
  return {
    title: repository ? `Open findings in ${repository}` : "Open findings",
    description: `${branchTotals(branches)}On every branch, as its latest scan left them. Blocking checks first, then by severity.`,
  };
}

/** What the clean state says: about one branch, or about every listed one. */
export const cleanText = (branch: string | null) =>
  branch
    ? `The latest scan of ${branch} found no failing checks.`
    : "The latest scans of these branches found no failing checks.";
