import { AreaTeamSelect, type TTeamChoices } from "@/components/findings/area-filter-form";
import { choicesOf, FilterForm, FilterSelect } from "@/components/ui/filter-form";

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
    <FilterForm clearHref={clearHref} active={active}>
      <FilterSelect
        id="ci-repository"
        name="repository"
        label="Repository"
        anyLabel="All repositories"
        choices={choicesOf(options)}
        value={repository}
        className="w-72"
      />
      {teams ? <AreaTeamSelect id="ci-team" teams={teams} /> : null}
    </FilterForm>
  );
}
