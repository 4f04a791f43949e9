import type { Metadata } from "next";
import { canOrg } from "@/lib/auth/permissions";
import { prepareBreakdownTable } from "@/lib/cost/format/tables";
import { findCostTeam, getTeamCostView } from "@/lib/cost/queries/team";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { costPageContext } from "@/lib/cost/loaders/cost-page";
import { orNotFound } from "@/lib/cost/loaders/page";
import { BREAKDOWN_LABELS, costHref, formatRange, parseBreakdownState } from "@/lib/cost/format/page-state";
import { newBudgetHref } from "@/lib/cost/format/pages";
import { breakdownSub, prepareMovers, teamSegment } from "@/lib/cost/format/team";
import { Card, CardHeader } from "@/components/ui/card";
import { BreakdownTabs } from "@/components/cost/breakdown-tabs";
import { CostPageHeader } from "@/components/cost/cost-page-header";
import { CostTable } from "@/components/cost/cost-table";
import { ExportLink } from "@/components/cost/export-link";
import { MoversCard } from "@/components/cost/movers-card";
import { RangePicker } from "@/components/cost/range-picker";
import { SummaryTiles } from "@/components/cost/summary-tiles";

export const metadata: Metadata = { title: "Team cost" };

export default async function TeamCostPage({ params, searchParams }: PageProps<"/o/[org]/cost/teams/[team]">) {
  const { org, team: teamSlug } = await params;
  const access = await requireOrgPage(org);
  const search = await searchParams;
  const { today, state, range, scope, base } = costPageContext(access, search);
  const by = parseBreakdownState(search);
  const team = await orNotFound(findCostTeam(access.org.id, teamSlug));
  const { summary, breakdown, movers } = await orNotFound(getTeamCostView(scope, team?.id ?? null, range, by));
  const { currency } = summary;
  const path = `${base}/teams/${teamSegment(team)}`;
  const name = team?.name ?? "Unassigned";
  const serviceHref = (service: string) => costHref(`${path}/services/${encodeURIComponent(service)}`, state.query);
  const exportHref = (table: string, extra: Record<string, string> = {}) =>
    costHref(`${base}/export`, state.query, { table, team: teamSegment(team), ...extra });
  const rows = prepareBreakdownTable(breakdown, currency).map((r, i) => ({
    ...r,
    href: by === "service" ? serviceHref(breakdown[i].service ?? r.key) : null,
    sub: breakdownSub(breakdown[i], by),
  }));

  return (
    <>
      <CostPageHeader
        orgSlug={access.org.slug}
        query={state.query}
        problem={state.problem}
        crumbs={[{ label: "Cost", href: costHref(base, state.query) }, { label: name }]}
        budget={{ href: newBudgetHref(base, access, team), name }}
        title={team ? `${name} cost` : "Unassigned cost"}
        description={
          team
            ? `What the ${name} team's workloads cost, ${formatRange(range)}.`
            : `Workloads no team's scope matches, ${formatRange(range)}. ${canOrg(access.role, "org:teams:manage") ? "Give them an owner in Settings → Teams." : ""}`
        }
        actions={<RangePicker path={path} state={state} today={today} keep={{ by: by === "service" ? null : by }} />}
      />
      <div className="space-y-6">
        <SummaryTiles summary={summary} />
        <MoversCard movers={prepareMovers(movers, currency)} hrefOf={serviceHref} exportHref={exportHref("movers")} />
        <Card>
          <CardHeader
            title="Breakdown"
            description={
              by === "service"
                ? "Service = the app.kubernetes.io/name label, else app, else the workload's name."
                : `Cost per ${by} over the range.`
            }
            actions={<ExportLink href={exportHref("breakdown", { by })} />}
          />
          <BreakdownTabs path={path} query={state.query} by={by} />
          {rows.length ? (
            <CostTable
              rows={rows}
              nameHeader={BREAKDOWN_LABELS[by].replace(/s$/, "")}
              caption={`${name} cost by ${by}`}
              testId="breakdown-rows"
            />
          ) : (
            <p className="px-5 py-6 text-sm text-slate-500">
              No cost for {team ? name : "unassigned workloads"} in this range. Cost comes from the OpenCost report or
              is estimated from the workloads inventory of the team&apos;s clusters.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
