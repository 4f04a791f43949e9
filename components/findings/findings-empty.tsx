import type { Route } from "next";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import type { TEmptyReason } from "@/lib/findings/page-state";

/** Why the list is empty, in words, and the one thing to do next. */
export function FindingsEmpty({ reason }: { reason: TEmptyReason }) {
  switch (reason.kind) {
    case "no-findings":
      return (
        <EmptyState
          icon={<EmptyIcon name="shield" />}
          title={reason.hasClusters ? "No findings yet" : "Connect a cluster to see findings"}
          action={
            reason.canConnect || reason.hasClusters ? (
              <LinkButton href={reason.clustersHref as Route} variant={reason.hasClusters ? "secondary" : "primary"}>
                {reason.hasClusters ? "See what the clusters sent" : "Connect a cluster"}
              </LinkButton>
            ) : null
          }
        >
          {reason.hasClusters
            ? "Nothing your teams own has been reported yet. Findings appear after a cluster's agent uploads its Polaris, Trivy, Pluto, Nova, Goldilocks or kube-bench report."
            : "Findings appear here once a cluster's agent uploads its first report. Each one goes to the team that owns the workload."}
          {!reason.canConnect && !reason.hasClusters ? " Ask an org admin to connect one." : null}
        </EmptyState>
      );
    case "no-team":
      return (
        <EmptyState icon={<EmptyIcon name="shield" />} title="You are not on a team yet">
          Findings belong to the team that owns the workload, and you see those of your teams. Ask an org admin or a
          team admin to add you to your team.
        </EmptyState>
      );
    case "filtered":
      return (
        <EmptyState
          title="No findings match these filters"
          action={
            <LinkButton href={reason.clearHref as Route} variant="secondary">
              Clear filters
            </LinkButton>
          }
        >
          Try fewer filters, another status, or a shorter search.
        </EmptyState>
      );
    case "all-clear":
      return (
        <div
          className="flex flex-col items-center justify-center rounded-lg border border-emerald-200 bg-emerald-50/60 px-6 py-12 text-center"
          data-testid="all-clear"
        >
          <svg viewBox="0 0 24 24" className="mb-3 size-10 text-emerald-500" fill="none" aria-hidden>
            <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth={1.5} />
            <path d="M8 12.5l2.5 2.5L16 9.5" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
          </svg>
          <h3 className="text-sm font-semibold text-emerald-900">All clear for {reason.who}</h3>
          <p className="mt-1 max-w-md text-sm text-emerald-800">
            Nothing open right now. New problems show up here after the next report; snoozed and resolved findings are
            one click away.
          </p>
          <LinkButton href={reason.otherStatesHref as Route} variant="secondary" className="mt-4">
            Show snoozed and resolved
          </LinkButton>
        </div>
      );
    case "none-overdue":
      return (
        <div
          className="flex flex-col items-center justify-center rounded-lg border border-emerald-200 bg-emerald-50/60 px-6 py-12 text-center"
          data-testid="none-overdue"
        >
          <h3 className="text-sm font-semibold text-emerald-900">Nothing overdue for {reason.who}</h3>
          <p className="mt-1 max-w-md text-sm text-emerald-800">
            Every open finding is within its due date. Snoozed findings are paused, not late.
          </p>
          <LinkButton href={reason.openHref as Route} variant="secondary" className="mt-4">
            Show open findings
          </LinkButton>
        </div>
      );
    case "bad-page":
      return (
        <EmptyState
          title="This page of results is no longer available"
          action={<LinkButton href={reason.firstHref as Route}>Go to the first page</LinkButton>}
        >
          The link points into a list that has changed since. Start again from the first page.
        </EmptyState>
      );
  }
}
