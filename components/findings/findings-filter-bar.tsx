import { FINDING_SOURCES, FINDING_STATES, UNASSIGNED_TEAM, type TFindingFilters } from "@/lib/domain/finding-filters";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { CATEGORY_LABELS, SOURCE_LABELS, STATE_HINTS, STATE_LABELS } from "@/lib/findings/ui-labels";
import { filterValueLabel, type TFilterNames } from "@/lib/findings/ui-list";
import { buttonClass } from "@/components/ui/button";
import { TicketFilterMenu } from "@/components/tickets/ticket-filter-menu";
import { DueFilterMenu } from "./due-filter-menu";
import { FilterMenu, MenuApply, MenuButton } from "./filter-menu";
import type { TMenuOption } from "./filter-options";

export type TFilterBarChoices = {
  teams: { slug: string; name: string }[];
  /** Org admins see (and may filter on) findings no team owns. */
  unassigned: boolean;
  clusters: { slug: string; name: string }[];
  namespaces: string[];
  people: { id: string; name: string }[];
  viewerId: string;
  /** Automation rules the viewer may filter on ("changed by rule X"), and the tags they add. */
  rules: { id: string; name: string; team: string | null }[];
  tags: string[];
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The filters as one plain GET form: every menu's checkboxes and the search box submit together,
 * so the URL is the whole state and the bar works before (or without) JavaScript. Sort, grouping
 * and a check chosen from the grouped view ride along as hidden fields.
 */
export function FindingsFilterBar({
  action,
  filters,
  choices,
  names,
}: {
  action: string;
  filters: TFindingFilters;
  choices: TFilterBarChoices;
  names: TFilterNames;
}) {
  const teamOptions: TMenuOption[] = [
    ...choices.teams.map((t) => ({ value: t.slug, label: t.name })),
    ...(choices.unassigned ? [{ value: UNASSIGNED_TEAM, label: "Unassigned", hint: "Owned by no team yet" }] : []),
  ];
  // A value in the URL that is not offered any more (a renamed cluster) stays visible and removable.
  const withSelected = (options: TMenuOption[], field: keyof TFindingFilters, selected: readonly string[]) => [
    ...options,
    ...selected
      .filter((v) => !options.some((o) => o.value === v))
      .map((v) => ({ value: v, label: filterValueLabel(field, v, names) })),
  ];
  const people = choices.people.filter((p) => p.id !== choices.viewerId);
  return (
    <form method="get" action={action} role="search" aria-label="Filter findings" className="space-y-2">
      {filters.sort !== "severity" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.group !== "none" ? <input type="hidden" name="group" value={filters.group} /> : null}
      {filters.check.map((c) => (
        <input key={c} type="hidden" name="check" value={c} />
      ))}
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <label htmlFor="findings-q" className="sr-only">
            Search findings
          </label>
          <svg
            viewBox="0 0 16 16"
            className="pointer-events-none absolute top-2 left-2.5 size-4 text-slate-400"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            aria-hidden
          >
            <circle cx="7" cy="7" r="4.5" />
            <path d="M10.5 10.5L14 14" strokeLinecap="round" />
          </svg>
          <input
            id="findings-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="Search by title or resource name"
            maxLength={200}
            data-shortcut="search"
            className="block h-8 w-full rounded-md border border-slate-300 bg-white pr-8 pl-8 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
          />
          <kbd className="pointer-events-none absolute top-1.5 right-2 rounded border border-slate-200 px-1 font-sans text-xs text-slate-400">
            /
          </kbd>
        </div>
        <button type="submit" className={buttonClass("primary", "sm")}>
          Apply
        </button>
      </div>
      <div className="flex flex-wrap gap-1.5">
        <FilterMenu
          name="severity"
          label="Severity"
          selected={filters.severity}
          options={SEVERITY_LEVELS.map((s) => ({ value: s, label: capital(s) }))}
          emptyLabel="every severity"
        />
        <FilterMenu
          name="status"
          label="Status"
          selected={filters.status}
          summary={filters.status.length ? undefined : "Open"}
          options={FINDING_STATES.map((s) => ({ value: s, label: STATE_LABELS[s], hint: STATE_HINTS[s] }))}
          emptyLabel="open findings only"
        />
        {teamOptions.length > 1 || filters.team.length ? (
          <FilterMenu
            name="team"
            label="Team"
            selected={filters.team}
            options={withSelected(teamOptions, "team", filters.team)}
            emptyLabel={choices.unassigned ? "every team and unassigned" : "all your teams"}
          />
        ) : null}
        <FilterMenu
          name="assignee"
          label="Assignee"
          selected={filters.assignee}
          options={withSelected(
            [
              { value: "me", label: "Me" },
              { value: "none", label: "Nobody", hint: "Not assigned to anyone" },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ],
            "assignee",
            filters.assignee,
          )}
          emptyLabel="anyone or nobody"
        />
        <TicketFilterMenu selected={filters.ticket} />
        <DueFilterMenu filters={filters} />
        {choices.tags.length || filters.tag.length ? (
          <FilterMenu
            name="tag"
            label="Tag"
            selected={filters.tag}
            options={withSelected(
              choices.tags.map((t) => ({ value: t, label: t })),
              "tag",
              filters.tag,
            )}
            emptyLabel="tagged or not"
          />
        ) : null}
        {choices.rules.length || filters.rule.length ? (
          <FilterMenu
            name="rule"
            label="Rule"
            selected={filters.rule}
            options={withSelected(
              choices.rules.map((r) => ({
                value: r.id,
                label: r.name,
                hint: r.team ? `${r.team}'s rule` : "Organization rule",
              })),
              "rule",
              filters.rule,
            )}
            emptyLabel="changed by any rule or none"
          />
        ) : null}
        <FilterMenu
          name="cluster"
          label="Cluster"
          selected={filters.cluster}
          options={withSelected(
            choices.clusters.map((c) => ({ value: c.slug, label: c.name, hint: c.slug })),
            "cluster",
            filters.cluster,
          )}
        />
        <FilterMenu
          name="namespace"
          label="Namespace"
          selected={filters.namespace}
          options={withSelected(
            choices.namespaces.map((n) => ({ value: n, label: n })),
            "namespace",
            filters.namespace,
          )}
        />
        <FilterMenu
          name="category"
          label="Category"
          selected={filters.category}
          options={FINDING_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] ?? c }))}
        />
        <FilterMenu
          name="source"
          label="Source"
          selected={filters.source}
          options={FINDING_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] ?? s }))}
        />
        <MenuButton
          testId="filter-first-seen"
          active={Boolean(filters.from || filters.to)}
          label={<span>First seen</span>}
          panelClassName="w-64"
        >
          <fieldset className="space-y-2 px-2 py-1">
            <legend className="pb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              First seen (UTC)
            </legend>
            {(["from", "to"] as const).map((name) => (
              <label key={name} className="block text-sm text-slate-700">
                {name === "from" ? "From" : "To"}
                <input
                  type="date"
                  name={name}
                  defaultValue={filters[name] ?? ""}
                  className="mt-1 block h-8 w-full rounded-md border border-slate-300 px-2 text-sm"
                />
              </label>
            ))}
          </fieldset>
          <MenuApply />
        </MenuButton>
      </div>
    </form>
  );
}
