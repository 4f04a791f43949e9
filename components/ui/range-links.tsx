import type { Route } from "next";
import Link from "next/link";
import { cn } from "./cn";

/** Preset ranges as links in the URL (the cost pages' range picker, the admission decisions), the current one marked. */
export function RangeLinks({ links }: { links: readonly { href: string; label: string; active: boolean }[] }) {
  return (
    <nav aria-label="Range" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href as Route}
          aria-current={link.active ? "page" : undefined}
          className={cn(
            "whitespace-nowrap rounded px-2.5 py-1 text-sm font-medium",
            link.active ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
