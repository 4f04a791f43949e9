import type { Route } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";

/** The first steps of a new org, ticked off from real data. */
export function GettingStarted({
  orgSlug,
  summary,
  isAdmin,
}: {
  orgSlug: string;
  summary: { clusters: number; teams: number; members: number };
  isAdmin: boolean;
}) {
  const base = `/o/${orgSlug}`;
  const steps = [
    { done: summary.clusters > 0, label: "Connect a cluster", href: `${base}/clusters` },
    { done: summary.teams > 0, label: "Define teams and their scopes", href: `${base}/settings/teams` },
    { done: summary.members > 1, label: "Invite your colleagues", href: `${base}/settings/members` },
  ];
  return (
    <Card>
      <CardHeader
        title="Getting started"
        description={`${steps.filter((s) => s.done).length} of ${steps.length} done`}
      />
      <ol className="divide-y divide-slate-100">
        {steps.map((step) => (
          <li key={step.label} className="flex items-center gap-3 px-5 py-3 text-sm">
            <span
              className={
                step.done
                  ? "flex size-5 items-center justify-center rounded-full bg-emerald-500 text-white"
                  : "flex size-5 items-center justify-center rounded-full border-2 border-slate-300"
              }
              aria-label={step.done ? "done" : "to do"}
            >
              {step.done ? "✓" : null}
            </span>
            {isAdmin && !step.done ? (
              <Link href={step.href as Route} className="font-medium text-brand-600 hover:text-brand-700">
                {step.label}
              </Link>
            ) : (
              <span className={step.done ? "text-slate-500 line-through" : "text-slate-700"}>{step.label}</span>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
