import type { Route } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
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
    <form method="get" className="grid items-end gap-3 md:grid-cols-[14rem_minmax(0,1fr)_10rem_10rem_auto]">
      <Field id="audit-action" label="Action">
        <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">All actions</option>
          {options.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
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
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        {active ? (
          <Link href={clearHref as Route} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
