import type { Route } from "next";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A two-way segmented switch of links (By image / By CVE), the current one marked for screen readers. */
export function ViewSwitch({
  label,
  options,
}: {
  label: string;
  options: { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex rounded-md bg-slate-100 p-0.5">
        {options.map((o) => (
          <li key={o.href}>
            <Link
              href={o.href as Route}
              aria-current={o.current ? "page" : undefined}
              className={cn(
                "inline-block rounded px-3 py-1 text-sm font-medium",
                o.current ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
