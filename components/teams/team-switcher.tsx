import type { Route } from "next";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The caller's other teams, one click away (only when there is more than one). */
export function TeamSwitcher({
  base,
  teams,
  currentId,
}: {
  base: string;
  teams: readonly { id: string; slug: string; name: string }[];
  currentId: string;
}) {
  if (teams.length < 2) return null;
  return (
    <nav aria-label="Teams" className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-500">Team:</span>
      {teams.map((t) => (
        <Link
          key={t.id}
          href={`${base}/${t.slug}` as Route}
          aria-current={t.id === currentId ? "page" : undefined}
          className={cn(
            "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
            t.id === currentId
              ? "bg-brand-50 text-brand-700 ring-brand-200"
              : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50",
          )}
        >
          {t.name}
        </Link>
      ))}
    </nav>
  );
}
