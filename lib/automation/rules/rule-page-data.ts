import "server-only";
import { latestApplyJob } from "@/lib/automation/jobs/queries";
import { editorChoices, ruleNames } from "./editor-choices";
import { ruleRunsPage } from "./ledger-page";

const RUNS_PER_PAGE = 20;

/** What a rule's page shows besides the rule: names, the editor's choices, a ledger page, the last job. */
export async function rulePageData(
  orgId: string,
  teamId: string | null,
  ruleId: string,
  options: { canEdit: boolean; runsCursor: string | null },
) {
  const [names, choices, runs, job] = await Promise.all([
    ruleNames(orgId),
    options.canEdit ? editorChoices(orgId, teamId) : Promise.resolve(null),
    ruleRunsPage(orgId, ruleId, options.runsCursor, RUNS_PER_PAGE),
    options.canEdit ? latestApplyJob(orgId, ruleId) : Promise.resolve(null),
  ]);
  return { names, choices, runs, job };
}

export type TRulePageData = Awaited<ReturnType<typeof rulePageData>>;
