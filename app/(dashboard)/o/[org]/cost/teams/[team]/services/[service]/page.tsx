import type { Metadata } from "next";
import { formatMoney, formatPercent, formatUnitHours } from "@/lib/cost/format/numbers";
import { prepareBreakdownTable } from "@/lib/cost/format/tables";
import { prepareServiceUsage } from "@/lib/cost/format/usage";
import { previousRange } from "@/lib/cost/range";
import { getServiceCostSeries } from "@/lib/cost/queries/service";
import { findCostTeam, getTeamCostView } from "@/lib/cost/queries/team";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { costPageContext } from "@/lib/cost/loaders/cost-page";
import { orNotFound } from "@/lib/cost/loaders/page";
import { costHref, formatRange } from "@/lib/cost/format/page-state";
import { decodeSegment, newBudgetHref, requestedTotals, shareOf } from "@/lib/cost/format/pages";
import { breakdownSub, summarizeService, teamSegment } from "@/lib/cost/format/team";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CostPageHeader } from "@/components/cost/cost-page-header";
import { CostTable } from "@/components/cost/cost-table";
import { ExportLink } from "@/components/cost/export-link";
import { RangePicker } from "@/components/cost/range-picker";
import { ServiceCostChart } from "@/components/cost/service-charts";
import { NoChartData, ServiceUsageCard } from "@/components/cost/service-usage-card";
import { Tile, TotalTile } from "@/components/cost/summary-tiles";

export const metadata: Metadata = { title: "Service cost" };

export default async function ServiceCostPage({
  params,
  searchParams,
}: PageProps<"/o/[org]/cost/teams/[team]/services/[service]">) {
  const { org, team: teamSlug, service: rawService } = await params;
  const access = await requireOrgPage(org);
  const { today, state, range, scope, base } = costPageContext(access, await searchParams);
  const service = decodeSegment(rawService);
  const team = await orNotFound(findCostTeam(access.org.id, teamSlug));
  const teamId = team?.id ?? null;
  const [days, previousDays, { summary: teamSummary, breakdown: containers }] = await orNotFound(
    Promise.all([
      getServiceCostSeries(scope, teamId, service, range),
      getServiceCostSeries(scope, teamId, service, previousRange(range)),
      getTeamCostView(scope, teamId, range, "container"),
    ]),
  );
  const { currency } = teamSummary;
  const teamPath = `${base}/teams/${teamSegment(team)}`;
  const teamName = team?.name ?? "Unassigned";
  const usage = prepareServiceUsage(days, range);
  const summary = summarizeService(days, previousDays);
  const requested = requestedTotals(days);
  const own = containers.filter((c) => c.service === service);
  const rows = prepareBreakdownTable(own, currency).map((r, i) => ({ ...r, sub: breakdownSub(own[i], "container") }));

  return (
    <>
      <CostPageHeader
        orgSlug={access.org.slug}
        query={state.query}
        problem={state.problem}
        crumbs={[
          { label: "Cost", href: costHref(base, state.query) },
          { label: teamName, href: costHref(teamPath, state.query) },
          { label: service },
        ]}
        budget={{ href: newBudgetHref(base, access, team, service), name: service }}
        title={service}
        description={`Service of ${teamName}, ${formatRange(range)}: daily cost, and what its containers request against what they use.`}
        actions={
          <RangePicker path={`${teamPath}/services/${encodeURIComponent(service)}`} state={state} today={today} />
        }
      />
      <div className="space-y-6">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="cost-summary">
          <TotalTile summary={summary} currency={currency} noPrevious="No cost the period before" />
          <Tile label="Share of the team" value={formatPercent(shareOf(summary.total, teamSummary.total))}>
            of {formatMoney(teamSummary.total, currency)} for {teamName}
          </Tile>
          <Tile label="CPU used ÷ requested" value={formatPercent(summary.cpuEfficiency)}>
            {formatUnitHours(requested.cpu, "core")} requested
          </Tile>
          <Tile label="Memory used ÷ requested" value={formatPercent(summary.memoryEfficiency)}>
            {formatUnitHours(requested.memory, "GiB")} requested
          </Tile>
        </div>
        <Card>
          <CardHeader
            title="Cost per day"
            actions={
              <ExportLink
                href={costHref(`${base}/export`, state.query, { table: "service", team: teamSegment(team), service })}
              />
            }
          />
          <CardBody>
            {usage.empty ? (
              <NoChartData height={220}>No cost for {service} in this range.</NoChartData>
            ) : (
              <div data-testid="service-cost-chart">
                <ServiceCostChart data={usage.data} currency={currency} />
              </div>
            )}
          </CardBody>
        </Card>
        <ServiceUsageCard usage={usage} days={days} currency={currency} />
        <Card>
          <CardHeader title="Containers" description={`Every container of ${service} with cost in the range.`} />
          {rows.length ? (
            <CostTable rows={rows} nameHeader="Container" caption={`Containers of ${service}`} />
          ) : (
            <p className="px-5 py-6 text-sm text-slate-500">No container of {service} has cost in this range.</p>
          )}
        </Card>
      </div>
    </>
  );
}
