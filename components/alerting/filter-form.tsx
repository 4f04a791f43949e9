import type { ComponentProps } from "react";
import { FilterForm as GetForm } from "@/components/ui/filter-form";

export { FilterSelect, TeamFilterSelect } from "@/components/ui/filter-form";

/** The filter bar above an alerting (or admission) list. */
export function FilterForm(props: Omit<ComponentProps<typeof GetForm>, "className">) {
  return <GetForm {...props} className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3" />;
}
