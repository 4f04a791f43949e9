import type { Route } from "next";
import Link from "next/link";
import {
  countDecisionsByTeam,
  DECISION_RANGE_LABELS,
  decisionHref,
  hasDecisions,
  listDecisions,
  rangeStart,
  type TDecisionSearch,
} from "@/lib/admission/decision-log";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { appBaseUrl } from "@/lib/server/app-url";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NewerOlderPager } from "@/components/ui/pager";
import { EmptyIcon } from "@/components/ui/icons";
import { DecisionCountsCard } from "@/components/policies/decision-counts-card";
import { DecisionsTable } from "@/components/policies/decisions-table";
import { prepareOutcomes } from "@/components/policies/prepare-outcomes";
import { WebhookEmpty } from "@/components/policies/webhook-empty";

const PAGE_SIZE = 50;

/** The counts and the list, streamed once the page has checked the filters. */
export async function DecisionResults({
  orgSlug,
  base,
  scope,
  teamId,
  clusterId,
  search,
  exampleCluster,
  canSeeClusters,
}: {
  orgSlug: string;
  base: string;
  scope: TFindingScope;
  teamId: string | null | undefined;
  clusterId: string | undefined;
  search: TDecisionSearch;
  exampleCluster: string | null;
  canSeeClusters: boolean;
}) {
  const now = new Date();
  const query = {
    since: rangeStart(search.range, now),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(clusterId ? { clusterId } : {}),
    ...(search.outcome ? { outcome: search.outcome } : {}),
  };
  const [any, counts, page] = await Promise.all([
    hasDecisions(scope),
    countDecisionsByTeam(scope, query),
    listDecisions(scope, query, { limit: PAGE_SIZE, ...(search.cursor ? { cursor: search.cursor } : {}) }),
  ]);
  if (!any) {
    return (
      <WebhookEmpty
        orgSlug={orgSlug}
        baseUrl={await appBaseUrl()}
        clusterSlug={exampleCluster}
        canManageClusters={canSeeClusters}
      />
    );
  }
  const { cursor, ...view } = search;
  const rangeLabel = DECISION_RANGE_LABELS[search.range];
  const chart = prepareOutcomes(counts);
  return (
    <div className="space-y-6">
      {chart.rows.length ? <DecisionCountsCard chart={chart} rangeLabel={rangeLabel} /> : null}
      <Card>
        <CardHeader title="Decisions" description="Newest first. Dry runs are not recorded." />
        {page.data.length ? (
          <DecisionsTable rows={page.data} now={now} />
        ) : (
          <div className="p-5">
            <EmptyState
              icon={<EmptyIcon name="shield" />}
              title={cursor ? "No more decisions" : "No decision matches these filters"}
              action={
                <Link href={decisionHref(base, { range: view.range }) as Route} className={buttonClass("secondary")}>
                  {cursor ? "Back to the newest" : "Clear the filters"}
                </Link>
              }
            >
              {cursor
                ? "Nothing older in this range."
                : `Nothing was reviewed with these filters in the ${rangeLabel.toLowerCase()}. Try a longer range.`}
            </EmptyState>
          </div>
        )}
        <NewerOlderPager
          label="Decision pages"
          newerHref={page.newer ? decisionHref(base, view, page.newer) : null}
          olderHref={page.older ? decisionHref(base, view, page.older) : null}
          shown={`${page.data.length} decision${page.data.length === 1 ? "" : "s"} on this page`}
        />
      </Card>
    </div>
  );
}
