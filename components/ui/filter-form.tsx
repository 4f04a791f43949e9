import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { Field, Select } from "./field";

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
  value: string | null | undefined;
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

/** Values as choices, labelled by `label` (by default each is its own label: actions, repositories). */
export const choicesOf = (values: readonly string[], label: (value: string) => string = (v) => v): TChoice[] =>
  values.map((v) => ({ value: v, label: label(v) }));

/** "pending" → "Pending". */
export const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

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
  value: string | null | undefined;
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

/** The end of a filter form: submit, and a way back to the unfiltered view once a filter is set. */
export function FilterActions({
  clearHref,
  active,
  submitLabel = "Apply",
}: {
  clearHref: string;
  active: boolean;
  submitLabel?: string;
}) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClass("primary")}>
        {submitLabel}
      </button>
      {active ? (
        <Link href={clearHref as Route} className={buttonClass("ghost")}>
          Clear
        </Link>
      ) : null}
    </div>
  );
}

/** A GET form: the filters live in the URL, so a view can be shared, bookmarked and reloaded. */
export function FilterForm({
  label,
  className,
  children,
  clearHref,
  active,
  submitLabel,
}: {
  label?: string;
  /** The layout of the fields; a wrapping row by default. */
  className?: string;
  children: ReactNode;
  clearHref: string;
  /** Whether a filter is set (Clear shows). */
  active: boolean;
  submitLabel?: string;
}) {
  return (
    <form method="get" aria-label={label} className={className ?? "flex flex-wrap items-end gap-x-4 gap-y-3"}>
      {children}
      <FilterActions clearHref={clearHref} active={active} submitLabel={submitLabel} />
    </form>
  );
}
