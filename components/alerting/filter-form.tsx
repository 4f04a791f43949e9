import type { ComponentProps } from "react";
import type { TTeamFilter } from "@/lib/alerting/ui-scope";
import { UNASSIGNED_TEAM } from "@/lib/alerting/ui-filters";
import { FilterForm as GetForm, TeamFilterSelect } from "@/components/ui/filter-form";

export { FilterSelect } from "@/components/ui/filter-form";

/** The filter bar above an alerting (or admission) list. */
export function FilterForm(props: Omit<ComponentProps<typeof GetForm>, "className">) {
  return <GetForm {...props} className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3" />;
}

/**
 * The team select of an alerting (or admission) filter bar: the teams `resolveTeamFilter` found,
 * and the bucket without a team (UNASSIGNED_TEAM) for those who may see it, named as the page calls it.
 */
export function AlertingTeamSelect({
  filter,
  ...props
}: { filter: TTeamFilter } & Pick<
  ComponentProps<typeof TeamFilterSelect>,
  "id" | "unassignedLabel" | "value" | "className"
>) {
  return (
    <TeamFilterSelect
      teams={filter.teams}
      unassigned={filter.scope.unassigned}
      unassignedValue={UNASSIGNED_TEAM}
      {...props}
    />
  );
}
