import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { visibleTeams } from "@/lib/auth/access";
import { formatMoney } from "@/lib/cost/format/numbers";
import { listRightsizing } from "@/lib/cost/queries/rightsizing";
import { scopeIsOrgWide } from "@/lib/cost/scope";
import { getCostCurrency } from "@/lib/cost/queries/settings";
import { costHref } from "@/lib/cost/format/page-state";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { costPageContext } from "@/lib/cost/loaders/cost-page";
import { prepareRightsizing, totalSaving } from "@/lib/cost/format/rightsizing";
import { scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Options, Select } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { EmptyIcon } from "@/components/ui/icons";
import { CostPageHeader } from "@/components/cost/cost-page-header";
import { ExportLink } from "@/components/cost/export-link";
import { RightsizingTable } from "@/components/cost/rightsizing-table";

export const metadata: Metadata = { title: "Rightsizing" };

export default async function RightsizingPage({ params, searchParams }: PageProps<"/o/[org]/cost/rightsizing">) {
  const access = await requireOrgPage((await params).org);
  const search = await searchParams;
  const { state, scope, base } = costPageContext(access, search);
  const teams = (await visibleTeams(access)).filter((t) => scopeIncludesTeam(scope, t.id));
  const teamSlug = typeof search.team === "string" && search.team ? search.team : null;
  const team = teamSlug ? teams.find((t) => t.slug === teamSlug) : null;
  // A team the viewer cannot read is the same 404 as one that does not exist.
  if (teamSlug && !team) notFound();
  const [rows, currency] = await Promise.all([
    listRightsizing(scope, team ? { teamId: team.id } : {}),
    getCostCurrency(access.org.id),
  ]);
  const path = `${base}/rightsizing`;
  const prepared = prepareRightsizing(rows, currency);
  const saving = totalSaving(rows);

  return (
    <>
      <CostPageHeader
        orgSlug={access.org.slug}
        query={state.query}
        title="Rightsizing"
        description="Goldilocks' recommended requests per container, priced at the cluster's unit prices over a month (730 hours) of its replicas."
        actions={
          <ExportLink
            button
            href={costHref(`${base}/export`, state.query, { table: "rightsizing", team: team?.slug })}
          />
        }
      />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <form action={path} method="get" className="flex items-center gap-2">
            <HiddenFields values={Object.fromEntries(new URLSearchParams(state.query))} />
            <label htmlFor="rightsizing-team" className="text-sm font-medium text-slate-700">
              Team
            </label>
            <Select id="rightsizing-team" name="team" defaultValue={team?.slug ?? ""} className="w-52">
              <option value="">{scopeIsOrgWide(scope) ? "All teams" : "All my teams"}</option>
              <Options options={teams.map((t) => ({ value: t.slug, label: t.name }))} />
            </Select>
            <button type="submit" className={buttonClass("secondary", "sm")}>
              Show
            </button>
          </form>
          {rows.length ? (
            <p className="text-sm text-slate-600" data-testid="rightsizing-total">
              Applying every recommendation that saves would save{" "}
              <span className="font-semibold tabular-nums text-emerald-700">{formatMoney(saving, currency)}</span> a
              month.
            </p>
          ) : null}
        </div>
        {prepared.length ? (
          <Card>
            <CardHeader
              title={`${prepared.length} container${prepared.length === 1 ? "" : "s"} to resize`}
              description="Largest saving first. A negative saving means the container asks for less than it needs: a reliability fix."
            />
            <RightsizingTable rows={prepared} orgSlug={access.org.slug} showTeam={!team} />
          </Card>
        ) : (
          <EmptyState icon={<EmptyIcon name="chart" />} title="No rightsizing recommendation">
            Recommendations come from the Goldilocks report of the agent: when it finds containers whose requests are
            far from what they use, they appear here with the monthly saving.
          </EmptyState>
        )}
      </div>
    </>
  );
}
