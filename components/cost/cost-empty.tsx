import type { Route } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";
import type { TCostEmptyReason } from "@/lib/cost/format/pages";

/** What a cost page says before any cost exists for the viewer, with the next step for those who can take it. */
export function CostEmpty({
  reason,
  clustersHref,
  canConnect,
}: {
  reason: TCostEmptyReason;
  clustersHref: string;
  canConnect: boolean;
}) {
  if (reason === "no-team") {
    return (
      <EmptyState icon={<EmptyIcon name="chart" />} title="You are not on a team yet">
        Cost is shown per team. Ask an org admin to add you to your team to see what its workloads cost.
      </EmptyState>
    );
  }
  if (reason === "empty-range") {
    return (
      <EmptyState icon={<EmptyIcon name="chart" />} title="No cost in this range">
        Nothing was reported for these days. Pick a later range, or the last 30 days.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<EmptyIcon name="chart" />}
      title="No cost data yet"
      action={canConnect ? <LinkButton href={clustersHref as Route}>Connect a cluster</LinkButton> : null}
    >
      Cost comes from the OpenCost report or is estimated from the workloads inventory — connect a cluster. Every figure
      is attributed to the team that owns the workload; idle and unassigned cost stay visible.
    </EmptyState>
  );
}
