import type { Route } from "next";
import Link from "next/link";
import { buttonClass } from "./button";

/**
 * Previous / Next through a keyset-paginated list. The cursors live in the URL, so a page can be
 * shared and the browser's back button works; "First page" is one click away when it is not the
 * previous one. With `shown` ("50 findings on this page") the pager also says where the list ends.
 */
export function Pager({
  label = "Pages",
  firstHref = null,
  prevHref,
  nextHref,
  shown,
}: {
  label?: string;
  firstHref?: string | null;
  prevHref: string | null;
  nextHref: string | null;
  shown?: string;
}) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-3">
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
      {shown ? <span className="text-xs text-slate-500">{shown}</span> : null}
      {nextHref ? (
        <Link href={nextHref as Route} rel="next" className={buttonClass("secondary", "sm")}>
          Next →
        </Link>
      ) : shown ? (
        <span className="text-xs text-slate-400">End of the list</span>
      ) : null}
    </nav>
  );
}

/**
 * Newer / Older through a log kept newest first (the audit log, the admission decisions), the
 * cursors in the URL; with `shown` ("20 decisions on this page") between the two.
 */
export function NewerOlderPager({
  label,
  newerHref,
  olderHref,
  shown,
}: {
  label: string;
  newerHref: string | null;
  olderHref: string | null;
  shown?: string;
}) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between border-t border-slate-100 px-5 py-3">
      {newerHref ? (
        <Link href={newerHref as Route} className={buttonClass("secondary", "sm")} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {shown ? <span className="text-xs text-slate-500">{shown}</span> : null}
      {olderHref ? (
        <Link href={olderHref as Route} className={buttonClass("secondary", "sm")} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
