import { Field, Input } from "@/components/ui/field";
import { choicesOf, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import type { TAuditFilters } from "@/lib/audit/schemas";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and bookmarked. */
export function AuditFilters({
  actions,
  filters,
  clearHref,
}: {
  actions: string[];
  filters: TAuditFilters;
  clearHref: string;
}) {
  const options = filters.action && !actions.includes(filters.action) ? [filters.action, ...actions] : actions;
  const active = Boolean(filters.action || filters.actor || filters.from || filters.to);
  return (
    <FilterForm
      className="grid items-end gap-3 md:grid-cols-[14rem_minmax(0,1fr)_10rem_10rem_auto]"
      clearHref={clearHref}
      active={active}
      submitLabel="Filter"
    >
      <FilterSelect
        id="audit-action"
        name="action"
        label="Action"
        anyLabel="All actions"
        choices={choicesOf(options)}
        value={filters.action}
        className="w-auto"
      />
      <Field id="audit-actor" label="Who">
        <Input
          id="audit-actor"
          name="actor"
          type="search"
          placeholder="Email or token name"
          defaultValue={filters.actor ?? ""}
        />
      </Field>
      <Field id="audit-from" label="From (UTC)">
        <Input id="audit-from" name="from" type="date" defaultValue={filters.from?.slice(0, 10) ?? ""} />
      </Field>
      <Field id="audit-to" label="To (UTC)">
        <Input id="audit-to" name="to" type="date" defaultValue={filters.to?.slice(0, 10) ?? ""} />
      </Field>
    </FilterForm>
  );
}
