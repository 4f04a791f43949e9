import type { Metadata, Route } from "next";
import { canTeam, effectiveTeamRole } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { formatChange, formatMoney, formatPercent, formatUnitHours } from "@/lib/cost/format/numbers";
import { prepareBreakdownTable } from "@/lib/cost/format/tables";
import { prepareServiceUsage } from "@/lib/cost/format/usage";
import { isoDay, previousRange } from "@/lib/cost/range";
import { costScopeOf } from "@/lib/cost/scope";
import { getServiceCostSeries } from "@/lib/cost/queries/service";
import { findCostTeam, getTeamCostView } from "@/lib/cost/queries/team";
import { orNotFound } from "@/lib/cost/loaders/page";
import { costHref, formatRange, parseRangeState } from "@/lib/cost/format/page-state";
import { breakdownSub, summarizeService, teamSegment } from "@/lib/cost/format/team";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumbs } from "@/components/cost/breadcrumbs";
import { ChangeText, trendOf } from "@/components/cost/change-text";
import { CostTable } from "@/components/cost/cost-table";
import { CostTabs } from "@/components/cost/cost-tabs";
import { ExportLink } from "@/components/cost/export-link";
import { RangePicker } from "@/components/cost/range-picker";
import { RequestUsageChart, ServiceCostChart } from "@/components/cost/service-charts";
import { Tile } from "@/components/cost/summary-tiles";

export const metadata: Metadata = { title: "Service cost" };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function ServiceCostPage({
  params,
  searchParams,
}: PageProps<"/o/[org]/cost/teams/[team]/services/[service]">) {
  const { org, team: teamSlug, service: rawService } = await params;
  const access = await requireOrgPage(org);
  const service = decodeSegment(rawService);
  const today = isoDay(new Date());
  const state = parseRangeState(await searchParams, today);
  const { range } = state;
  const scope = costScopeOf(access);
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
  const base = `/o/${access.org.slug}/cost`;
  const teamPath = `${base}/teams/${teamSegment(team)}`;
  const path = `${teamPath}/services/${encodeURIComponent(service)}`;
  const teamName = team?.name ?? "Unassigned";
  const usage = prepareServiceUsage(days, range);
  const summary = summarizeService(days, previousDays);
  const own = containers.filter((c) => c.service === service);
  const rows = prepareBreakdownTable(own, currency).map((r, i) => ({ ...r, sub: breakdownSub(own[i], "container") }));
  const canBudget = team
    ? canTeam(effectiveTeamRole(access.role, access.teamRoles.get(team.id)), "team:budgets:manage")
    : false;
  const totals = days.reduce(
    (t, d) => ({ cpuReq: t.cpuReq + d.cpuCoreHoursRequested, memReq: t.memReq + d.memoryGibHoursRequested }),
    { cpuReq: 0, memReq: 0 },
  );

  return (
    <>
      <div className="flex items-start justify-between gap-4">
        <Breadcrumbs
          items={[
            { label: "Cost", href: costHref(base, state.query) },
            { label: teamName, href: costHref(teamPath, state.query) },
            { label: service },
          ]}
        />
        {canBudget && team ? (
          <>
            <LinkButton
              variant="secondary"
              size="sm"
              href={
                `${base}/budgets?${new URLSearchParams({ new: "service", team: team.slug, value: service })}` as Route
              }
            >
              Set a budget for {service}
            </LinkButton>
          </>
        ) : null}
      </div>
      <PageHeader
        title={service}
        description={`Service of ${teamName}, ${formatRange(range)}: daily cost, and what its containers request against what they use.`}
        actions={<RangePicker path={path} state={state} today={today} />}
      />
      <CostTabs orgSlug={access.org.slug} query={state.query} />
      {state.problem ? (
        <Alert tone="warning" className="mb-4">
          {state.problem} Showing the last 30 days.
        </Alert>
      ) : null}
      <div className="space-y-6">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="cost-summary">
          <Tile label="Total" testId="cost-total" value={formatMoney(summary.total, currency)}>
            {summary.previousTotal === null ? (
              "No cost the period before"
            ) : (
              <>
                <ChangeText change={formatChange(summary.change)} trend={trendOf(summary.change)} /> vs{" "}
                {formatMoney(summary.previousTotal, currency)} before
              </>
            )}
          </Tile>
          <Tile
            label="Share of the team"
            value={formatPercent(teamSummary.total ? summary.total / teamSummary.total : null)}
          >
            of {formatMoney(teamSummary.total, currency)} for {teamName}
          </Tile>
          <Tile label="CPU used ÷ requested" value={formatPercent(summary.cpuEfficiency)}>
            {formatUnitHours(totals.cpuReq, "core")} requested
          </Tile>
          <Tile label="Memory used ÷ requested" value={formatPercent(summary.memoryEfficiency)}>
            {formatUnitHours(totals.memReq, "GiB")} requested
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
              <div className="flex h-[220px] items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
                No cost for {service} in this range.
              </div>
            ) : (
              <div data-testid="service-cost-chart">
                <ServiceCostChart data={usage.data} currency={currency} />
              </div>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Requested vs used"
            description={
              usage.hasUsage
                ? "Filled: what the containers request (and are billed for). Line: what they use. The gap is the waste."
                : "Usage is not known for this service (no OpenCost or metrics): only the requests are shown."
            }
          />
          <div className="grid gap-0 md:grid-cols-2">
            {(["cpu", "memory"] as const).map((resource) => (
              <div key={resource} className="px-5 py-4 md:first:border-r md:first:border-slate-100">
                <h3 className="mb-2 text-sm font-medium text-slate-700">
                  {resource === "cpu" ? "CPU core-hours per day" : "Memory GiB-hours per day"}
                </h3>
                {usage.empty ? (
                  <div className="flex h-[200px] items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
                    No data in this range.
                  </div>
                ) : (
                  <RequestUsageChart data={usage.data} resource={resource} />
                )}
              </div>
            ))}
          </div>
          <div className="sr-only">
            <table>
              <caption>Cost, requested and used per day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Cost</th>
                  <th scope="col">CPU requested</th>
                  <th scope="col">CPU used</th>
                  <th scope="col">Memory requested</th>
                  <th scope="col">Memory used</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{formatMoney(d.cost, currency)}</td>
                    <td>{formatUnitHours(d.cpuCoreHoursRequested, "core")}</td>
                    <td>{formatUnitHours(d.cpuCoreHoursUsed, "core")}</td>
                    <td>{formatUnitHours(d.memoryGibHoursRequested, "GiB")}</td>
                    <td>{formatUnitHours(d.memoryGibHoursUsed, "GiB")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
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
