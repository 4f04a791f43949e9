"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { path: "members", label: "Members" },
  { path: "teams", label: "Teams" },
  { path: "clusters", label: "Clusters" },
  { path: "tokens", label: "API tokens" },
  { path: "cost", label: "Cost" },
  { path: "audit", label: "Audit log" },
] as const;

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  return (
    <nav className="border-b border-slate-200" aria-label="Settings">
      <ul className="-mb-px flex gap-6">
        {TABS.map((tab) => {
          const href = `/o/${orgSlug}/settings/${tab.path}`;
          const active = pathname === href || pathname.startsWith(href + "/");
          return (
            <li key={tab.path}>
              <Link
                href={href}
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
