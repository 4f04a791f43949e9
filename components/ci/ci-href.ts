import type { TPageState } from "@/lib/findings/ui-list";

/** What the CI tab shows: a team, a repository and one of its branches; each may be unset. */
export type TCiView = { team: string | null; repository: string | null; branch: string | null };

/** The CI tab's URL for a view and page; the same parameters the scan upload's link uses. */
export function ciHref(orgSlug: string, view: TCiView, page?: TPageState): string {
  const params = new URLSearchParams();
  if (view.team) params.set("team", view.team);
  if (view.repository) {
    params.set("repository", view.repository);
    if (view.branch) params.set("branch", view.branch);
  }
  if (page?.cursor) {
    params.set("cursor", page.cursor);
    if (page.prev.length) params.set("prev", page.prev.join(","));
  }
  const query = params.toString();
  const path = `/o/${encodeURIComponent(orgSlug)}/findings/ci`;
  return query ? `${path}?${query}` : path;
}

/** A commit as people read it: the first 7 characters of the hash. */
export const shortCommit = (commit: string) => (/^[0-9a-f]{8,}$/i.test(commit) ? commit.slice(0, 7) : commit);
