import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { FindingsTabs } from "./findings-tabs";
import { FilterForm, TeamFilterSelect } from "@/components/ui/filter-form";

export type TTeamChoices = {
  teams: { slug: string; name: string }[];
  unassigned: boolean;
  selected: string | null;
};

/** The team select of the findings areas' filter bars (the bucket without a team is "unassigned"). */
export function AreaTeamSelect({ id, teams }: { id: string; teams: TTeamChoices }) {
  return (
    <TeamFilterSelect
      id={id}
      teams={teams.teams}
      unassigned={teams.unassigned}
      unassignedValue="unassigned"
      unassignedLabel="Unassigned"
      value={teams.selected ?? undefined}
    />
  );
}

/**
 * The filter bar of the findings areas: a plain GET form (the view lives in the URL, so it can be
 * shared), with the page's own fields first, then the team (when there is a choice) and whether
 * snoozed and resolved findings count.
 */
export function AreaFilterForm({
  idPrefix,
  children,
  teams,
  includeTriaged,
  hidden = {},
  clearHref,
  active,
}: {
  idPrefix: string;
  children?: ReactNode;
  teams: TTeamChoices | null;
  includeTriaged: boolean;
  hidden?: Record<string, string>;
  clearHref: string;
  active: boolean;
}) {
  return (
    <FilterForm clearHref={clearHref} active={active}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {teams ? <AreaTeamSelect id={`${idPrefix}-team`} teams={teams} /> : null}
      <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="all"
          value="1"
          defaultChecked={includeTriaged}
          className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
        />
        Include snoozed and resolved
      </label>
    </FilterForm>
  );
}

/**
 * The shell of an area page whose only filters are the team and the triaged findings: header,
 * the findings tabs, the filter card, then the area's sections.
 */
export function AreaPage({
  area,
  title,
  description,
  orgSlug,
  teams,
  team,
  includeTriaged,
  children,
}: {
  area: "compliance" | "upgrades";
  title: string;
  description: string;
  orgSlug: string;
  /** The team choices, when there is a choice. */
  teams: TTeamChoices | null;
  /** The team the view is narrowed to. */
  team: string | null;
  includeTriaged: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <FindingsTabs orgSlug={orgSlug} team={team} />
      <div className="space-y-6">
        <Card>
          <CardBody>
            <AreaFilterForm
              idPrefix={area}
              teams={teams}
              includeTriaged={includeTriaged}
              clearHref={`/o/${orgSlug}/findings/${area}`}
              active={Boolean(team || includeTriaged)}
            />
          </CardBody>
        </Card>
        {children}
      </div>
    </>
  );
}
