import type { Route } from "next";
import Link from "next/link";
import { AreaTeamSelect, type TTeamChoices } from "@/components/findings/area-filter-form";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

/**
 * The CI tab's filters as a plain GET form, so a view is a shareable URL. Picking another
 * repository drops the branch: a branch only means something within its repository.
 */
export function CiFilterForm({
  repositories,
  repository,
  teams,
  clearHref,
  active,
}: {
  repositories: string[];
  repository: string | null;
  teams: TTeamChoices | null;
  clearHref: string;
  active: boolean;
}) {
  // A repository from a link that the list does not have (not visible, or no scan yet) stays selectable.
  const options = repository && !repositories.includes(repository) ? [repository, ...repositories] : repositories;
  return (
    <form method="get" className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <Field id="ci-repository" label="Repository" className="w-72">
        <Select id="ci-repository" name="repository" defaultValue={repository ?? ""}>
          <option value="">All repositories</option>
          {options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Field>
      {teams ? <AreaTeamSelect id="ci-team" teams={teams} /> : null}
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
