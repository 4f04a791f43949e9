import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

export type TChoice = { value: string; label: string };

/** One select of a filter bar; the empty value means "any". */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  choices,
  value,
  className = "w-40",
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  choices: readonly TChoice[];
  value: string | undefined;
  className?: string;
}) {
  return (
    <Field id={id} label={label} className={className}>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The team select of a filter bar: the viewer's teams, and the bucket without a team for those who
 * may see it (org admins), named as the page calls it.
 */
export function TeamFilterSelect({
  id,
  teams,
  unassigned,
  unassignedValue,
  unassignedLabel,
  value,
  className,
}: {
  id: string;
  teams: readonly { slug: string; name: string }[];
  unassigned: boolean;
  unassignedValue: string;
  unassignedLabel: string;
  value: string | undefined;
  className?: string;
}) {
  return (
    <FilterSelect
      id={id}
      name="team"
      label="Team"
      anyLabel={unassigned ? "All teams" : "All my teams"}
      choices={[
        ...teams.map((t) => ({ value: t.slug, label: t.name })),
        ...(unassigned ? [{ value: unassignedValue, label: unassignedLabel }] : []),
      ]}
      value={value}
      className={className}
    />
  );
}

/** A GET form: the filters live in the URL, so a view can be shared and reloaded. */
export function FilterForm({
  label,
  children,
  clearHref,
  active,
}: {
  label: string;
  children: ReactNode;
  clearHref: string;
  active: boolean;
}) {
  return (
    <form method="get" aria-label={label} className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3">
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
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
