import type { Route } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * Previous / Next through a keyset-paginated view. The cursors live in the URL, so a page can be
 * shared and the browser's back button works; "First page" is always one click away.
 */
export function FindingsPager({
  firstHref,
  prevHref,
  nextHref,
  shown,
}: {
  firstHref: string | null;
  prevHref: string | null;
  nextHref: string | null;
  /** e.g. "50 findings on this page". */
  shown: string;
}) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-3">
      <div className="flex items-center gap-2">
        {prevHref ? (
          <Link href={prevHref as Route} rel="prev" className={buttonClass("secondary", "sm")}>
            ← Previous
          </Link>
        ) : null}
        {firstHref && firstHref !== prevHref ? (
          <Link href={firstHref as Route} className={buttonClass("ghost", "sm")}>
            First page
          </Link>
        ) : null}
      </div>
      <span className="text-xs text-slate-500">{shown}</span>
      {nextHref ? (
        <Link href={nextHref as Route} rel="next" className={buttonClass("secondary", "sm")}>
          Next →
        </Link>
      ) : (
        <span className="text-xs text-slate-400">End of the list</span>
      )}
    </nav>
  );
}
