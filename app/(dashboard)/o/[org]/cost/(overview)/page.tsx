import type { Metadata } from "next";
import { canOrg } from "@/lib/auth/permissions";
import { getCloudComparison } from "@/lib/cost/queries/cloud";
import { getLabelFigures, listCostLabelKeys } from "@/lib/cost/queries/labels";
import { getOverviewFigures } from "@/lib/cost/loaders/overview";
import { prepareCostSeries } from "@/lib/cost/format/series";
import { prepareLabelTable, prepareTeamTable } from "@/lib/cost/format/tables";
import { scopeIsOrgWide } from "@/lib/cost/scope";
import { costHref, formatRange, parseGroupState } from "@/lib/cost/format/page-state";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { costPageContext } from "@/lib/cost/loaders/cost-page";
import { costSources, groupingToKeep, overviewEmptyReason, withRowHints } from "@/lib/cost/format/pages";
import { Card, CardHeader } from "@/components/ui/card";
import { CloudCard } from "@/components/cost/cloud-card";
import { CostEmpty } from "@/components/cost/cost-empty";
import { CostPageHeader } from "@/components/cost/cost-page-header";
import { CostTable } from "@/components/cost/cost-table";
import { ExportLink } from "@/components/cost/export-link";
import { RangePicker } from "@/components/cost/range-picker";
import { SeriesCard } from "@/components/cost/series-card";
import { SummaryTiles } from "@/components/cost/summary-tiles";

export const metadata: Metadata = { title: "Cost" };

export default async function CostPage({ params, searchParams }: PageProps<"/o/[org]/cost">) {
  const access = await requireOrgPage((await params).org);
  const search = await searchParams;
  const { today, state, range, scope, base } = costPageContext(access, search);
  const orgWide = scopeIsOrgWide(scope);

  const labelKeys = await listCostLabelKeys(scope, range);
  const group = parseGroupState(search, labelKeys);
  // The overview's figures in one scan of the rollup; a label grouping adds the label view's.
  const [figures, labelFigures, cloud] = await Promise.all([
    getOverviewFigures(scope, range, group.groupBy === "label" ? "team" : group.groupBy),
    group.labelKey ? getLabelFigures(scope, range, group.labelKey) : null,
    orgWide ? getCloudComparison(scope, range) : null,
  ]);
  const { summary } = figures;
  const { currency } = summary;
  const points = labelFigures ? labelFigures.points : figures.points;
  const empty = overviewEmptyReason({
    orgWide,
    teamIds: scope.teamIds,
    preset: state.preset,
    summary,
    points: points.length,
  });
  const exportHref = (table: string, extra: Record<string, string | null> = {}) =>
    costHref(`${base}/export`, state.query, { table, ...extra });
  const sources = costSources(summary, currency);

  const header = (
    <CostPageHeader
      orgSlug={access.org.slug}
      query={state.query}
      problem={state.problem}
      title="Cost"
      description={
        orgWide
          ? `What each team, service and namespace costs, ${formatRange(range)}. Idle and unassigned cost stay visible.`
          : `What your teams' services and namespaces cost, ${formatRange(range)}.`
      }
      actions={<RangePicker path={base} state={state} today={today} keep={groupingToKeep(group)} />}
    />
  );
  if (empty) {
    return (
      <>
        {header}
        <CostEmpty
          reason={empty}
          clustersHref={`/o/${access.org.slug}/clusters`}
          canConnect={canOrg(access.role, "org:clusters:manage")}
        />
      </>
    );
  }

  const teamRows = withRowHints(
    prepareTeamTable(figures.teams, currency, (slug) => costHref(`${base}/teams/${slug}`, state.query)),
  ).map((r) => (r.key === "unassigned" ? { ...r, href: costHref(`${base}/teams/unassigned`, state.query) } : r));
  const labelRows = labelFigures ? withRowHints(prepareLabelTable(labelFigures.rows, currency)) : null;

  return (
    <>
      {header}
      <div className="space-y-6">
        <div>
          <SummaryTiles summary={summary} />
          {sources.length ? (
            <p className="mt-2 text-xs text-slate-500">
              Where the figures come from: {sources.join(" · ")}. {orgWide ? null : "Only your teams' cost is shown."}
            </p>
          ) : null}
        </div>
        <SeriesCard
          prepared={prepareCostSeries(points, range)}
          currency={currency}
          path={base}
          rangeQueryString={state.query}
          groupBy={group.groupBy}
          labelKey={group.labelKey}
          labelKeys={labelKeys}
        />
        {labelRows && group.labelKey ? (
          <Card>
            <CardHeader
              title={`By label ${group.labelKey}`}
              description="Workloads without the label are (none); idle and unallocated keep their own rows."
              actions={<ExportLink href={exportHref("labels", { labelKey: group.labelKey })} />}
            />
            <CostTable rows={labelRows} nameHeader="Value" caption={`Cost by label ${group.labelKey}`} />
          </Card>
        ) : null}
        <Card>
          <CardHeader
            title="Teams"
            description={
              orgWide
                ? "Teams + unassigned + idle + unallocated = the clusters' total."
                : "Your teams. Org admins also see unassigned and idle cost."
            }
            actions={<ExportLink href={exportHref("teams")} />}
          />
          <CostTable rows={teamRows} nameHeader="Team" caption="Cost per team" testId="team-cost-rows" />
        </Card>
        {cloud?.days.some((d) => d.billed !== null) ? (
          <CloudCard cloud={cloud} currency={currency} exportHref={exportHref("cloud")} />
        ) : null}
      </div>
    </>
  );
}
