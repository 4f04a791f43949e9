import type { Route } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TOrgOverview } from "@/lib/orgs/overview";

const MAX_TEAMS = 10;

const COLORS = [
  "bg-brand-500",
  "bg-sky-500",
  "bg-emerald-500",
  "bg-amber-500",
  "bg-fuchsia-500",
  "bg-teal-500",
  "bg-rose-500",
];

/** Which team owns how many workloads, as one bar: every workload has exactly one owner or none. */
export function OwnershipCard({
  orgSlug,
  overview,
  showUnassigned,
}: {
  orgSlug: string;
  overview: TOrgOverview;
  showUnassigned: boolean;
}) {
  // Past MAX_TEAMS, the largest teams (still in priority order) and the rest as one line: an org
  // with hundreds of teams would otherwise list every one of them on its overview.
  const teams = overview.ownership;
  const largest = new Set(
    [...teams]
      .sort((a, b) => b.workloads - a.workloads)
      .slice(0, MAX_TEAMS - 1)
      .map((t) => t.slug),
  );
  const shown = teams.length > MAX_TEAMS ? teams.filter((t) => largest.has(t.slug)) : teams;
  const others = teams.length > MAX_TEAMS ? teams.filter((t) => !largest.has(t.slug)) : [];
  const segments = [
    ...shown.map((t, i) => ({
      key: t.slug,
      label: t.name,
      count: t.workloads,
      color: COLORS[i % COLORS.length],
      href: `/o/${orgSlug}/teams/${t.slug}` as string | null,
    })),
    ...(others.length
      ? [
          {
            key: "__others",
            label: `${others.length} other teams`,
            count: others.reduce((sum, t) => sum + t.workloads, 0),
            color: "bg-slate-400",
            href: showUnassigned ? `/o/${orgSlug}/settings/teams` : null,
          },
        ]
      : []),
    ...(showUnassigned
      ? [
          {
            key: "__unassigned",
            label: "Unassigned",
            count: overview.unassignedWorkloads,
            color: "bg-slate-300",
            href: `/o/${orgSlug}/settings/teams`,
          },
        ]
      : []),
  ];
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  return (
    <Card>
      <CardHeader
        title="Workload ownership"
        description="Each workload belongs to the first team whose scope matches it."
      />
      <CardBody>
        {total === 0 ? (
          <p className="text-sm text-slate-500">
            No workloads known yet. They appear when a cluster&apos;s agent reports its inventory.
          </p>
        ) : (
          <>
            <div
              className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100"
              role="img"
              aria-label="Workloads per team"
            >
              {segments
                .filter((s) => s.count > 0)
                .map((s) => (
                  <div
                    key={s.key}
                    className={s.color}
                    style={{ width: `${(s.count / total) * 100}%` }}
                    title={`${s.label}: ${s.count}`}
                  />
                ))}
            </div>
            <ul className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
              {segments.map((s) => (
                <li key={s.key} className="flex items-center justify-between gap-3 text-sm">
                  {s.href ? (
                    <Link
                      href={s.href as Route}
                      className="flex min-w-0 items-center gap-2 text-slate-700 hover:text-brand-700"
                    >
                      <span className={`size-2.5 shrink-0 rounded-full ${s.color}`} aria-hidden />
                      <span className="truncate">{s.label}</span>
                    </Link>
                  ) : (
                    <span className="flex min-w-0 items-center gap-2 text-slate-700">
                      <span className={`size-2.5 shrink-0 rounded-full ${s.color}`} aria-hidden />
                      <span className="truncate">{s.label}</span>
                    </span>
                  )}
                  <span className="tabular-nums text-slate-500">
                    {s.count} <span className="text-slate-400">({Math.round((s.count / total) * 100)}%)</span>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </CardBody>
    </Card>
  );
}
