import type { Route } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous/Next links of a keyset-paginated list (the cursor is in the URL, so pages can be shared). */
export function Pager({
  label,
  prevHref,
  nextHref,
}: {
  label: string;
  prevHref: string | null;
  nextHref: string | null;
}) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between border-t border-slate-100 px-5 py-3">
      {prevHref ? (
        <Link href={prevHref as Route} rel="prev" className={buttonClass("secondary", "sm")}>
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref as Route} rel="next" className={buttonClass("secondary", "sm")}>
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
