import type { Metadata, Route } from "next";
import Link from "next/link";
import { canOrg, canTeam, effectiveTeamRole } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { prepareBreakdownTable } from "@/lib/cost/format/tables";
import { isoDay } from "@/lib/cost/range";
import { costScopeOf } from "@/lib/cost/scope";
import { findCostTeam, getTeamCostView } from "@/lib/cost/queries/team";
import type { TCostBreakdownBy } from "@/lib/cost/types";
import { orNotFound } from "@/lib/cost/loaders/page";
import {
  BREAKDOWN_LABELS,
  costHref,
  formatRange,
  parseBreakdownState,
  parseRangeState,
} from "@/lib/cost/format/page-state";
import { breakdownSub, prepareMovers, teamSegment } from "@/lib/cost/format/team";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumbs } from "@/components/cost/breadcrumbs";
import { CostTable } from "@/components/cost/cost-table";
import { CostTabs } from "@/components/cost/cost-tabs";
import { ExportLink } from "@/components/cost/export-link";
import { MoversCard } from "@/components/cost/movers-card";
import { RangePicker } from "@/components/cost/range-picker";
import { SummaryTiles } from "@/components/cost/summary-tiles";

export const metadata: Metadata = { title: "Team cost" };

const TABS: TCostBreakdownBy[] = ["service", "namespace", "workload", "container"];

export default async function TeamCostPage({ params, searchParams }: PageProps<"/o/[org]/cost/teams/[team]">) {
  const { org, team: teamSlug } = await params;
  const access = await requireOrgPage(org);
  const search = await searchParams;
  const today = isoDay(new Date());
  const state = parseRangeState(search, today);
  const { range } = state;
  const by = parseBreakdownState(search);
  const scope = costScopeOf(access);
  const team = await orNotFound(findCostTeam(access.org.id, teamSlug));
  const teamId = team?.id ?? null;
  const { summary, breakdown, movers } = await orNotFound(getTeamCostView(scope, teamId, range, by));
  const { currency } = summary;
  const base = `/o/${access.org.slug}/cost`;
  const path = `${base}/teams/${teamSegment(team)}`;
  const name = team?.name ?? "Unassigned";
  const serviceHref = (service: string) => costHref(`${path}/services/${encodeURIComponent(service)}`, state.query);
  const exportHref = (table: string, extra: Record<string, string> = {}) =>
    costHref(`${base}/export`, state.query, { table, team: teamSegment(team), ...extra });
  const canBudget = team
    ? canTeam(effectiveTeamRole(access.role, access.teamRoles.get(team.id)), "team:budgets:manage")
    : false;
  const rows = prepareBreakdownTable(breakdown, currency).map((r, i) => ({
    ...r,
    href: by === "service" ? serviceHref(breakdown[i].service ?? r.key) : null,
    sub: breakdownSub(breakdown[i], by),
  }));

  return (
    <>
      <div className="flex items-start justify-between gap-4">
        <Breadcrumbs items={[{ label: "Cost", href: costHref(base, state.query) }, { label: name }]} />
        {canBudget && team ? (
          <LinkButton
            variant="secondary"
            size="sm"
            href={`${base}/budgets?${new URLSearchParams({ new: "team", team: team.slug })}` as Route}
          >
            Set a budget for {name}
          </LinkButton>
        ) : null}
      </div>
      <PageHeader
        title={team ? `${name} cost` : "Unassigned cost"}
        description={
          team
            ? `What the ${name} team's workloads cost, ${formatRange(range)}.`
            : `Workloads no team's scope matches, ${formatRange(range)}. ${canOrg(access.role, "org:teams:manage") ? "Give them an owner in Settings → Teams." : ""}`
        }
        actions={<RangePicker path={path} state={state} today={today} keep={{ by: by === "service" ? null : by }} />}
      />
      <CostTabs orgSlug={access.org.slug} query={state.query} />
      {state.problem ? (
        <Alert tone="warning" className="mb-4">
          {state.problem} Showing the last 30 days.
        </Alert>
      ) : null}
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
          <nav aria-label="Break down by" className="border-b border-slate-100 px-5">
            <ul className="-mb-px flex gap-5">
              {TABS.map((tab) => (
                <li key={tab}>
                  <Link
                    href={costHref(path, state.query, { by: tab === "service" ? null : tab }) as Route}
                    aria-current={tab === by ? "page" : undefined}
                    className={cn(
                      "inline-block border-b-2 px-1 py-2.5 text-sm font-medium",
                      tab === by
                        ? "border-brand-600 text-brand-700"
                        : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
                    )}
                  >
                    {BREAKDOWN_LABELS[tab]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
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
