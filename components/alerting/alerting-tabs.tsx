"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { path: "", label: "Alert feed" },
  { path: "/rules", label: "Team rules" },
  { path: "/baseline", label: "Baseline policy" },
  { path: "/destinations", label: "Destinations" },
  { path: "/log", label: "Delivery log" },
] as const;

/** The Alerting section's sub-navigation; a destination's own page is under "Destinations". */
export function AlertingTabs({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/alerting`;
  const isActive = (path: string) =>
    path === "" ? pathname === base : pathname === base + path || pathname.startsWith(`${base}${path}/`);
  return (
    <nav className="mb-6 border-b border-slate-200" aria-label="Alerting">
      <ul className="-mb-px flex gap-6">
        {TABS.map((tab) => {
          const active = isActive(tab.path);
          return (
            <li key={tab.path}>
              <Link
                href={base + tab.path}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-2.5 text-sm font-medium",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
