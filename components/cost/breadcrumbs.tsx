import type { Route } from "next";
import Link from "next/link";
import { Fragment } from "react";

/** Where a cost drill-down sits: Cost › Team › Service. The last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-1.5">
        {items.map((item, i) => (
          <Fragment key={`${i}-${item.label}`}>
            {i > 0 ? (
              <li aria-hidden className="text-slate-300">
                /
              </li>
            ) : null}
            <li className="min-w-0 truncate">
              {item.href ? (
                <Link href={item.href as Route} className="hover:text-slate-700 hover:underline">
                  {item.label}
                </Link>
              ) : (
                <span aria-current="page" className="text-slate-700">
                  {item.label}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
