import type { Route } from "next";
import { describeRule, namesFromRecords } from "@/lib/automation/rules/describe-rule";
import type { TRulePageData } from "@/lib/automation/rules/rule-page-data";
import type { TRuleView } from "@/lib/automation/rules/queries";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ApplyPanel } from "./apply-panel";
import { RuleEditor } from "./rule-editor";
import { DeleteRuleButton } from "./rule-row-controls";
import { RunLedger } from "./run-ledger";

/**
 * A rule's page, for the org's list and a team's alike: the editor (or, for those who may only
 * read, the rule in words), "apply to existing findings", the findings it changed, and its run
 * ledger one page at a time (`?runs=<cursor>`).
 */
export function RulePageBody({
  orgSlug,
  teamSlug,
  rule,
  canEdit,
  listHref,
  data: { names, choices, runs, job },
}: {
  orgSlug: string;
  teamSlug: string | null;
  rule: TRuleView;
  canEdit: boolean;
  listHref: string;
  /** rulePageData's answer, loaded by the page. */
  data: TRulePageData;
}) {
  const pageHref = `${listHref}/${rule.id}`;
  const stored = {
    name: rule.name,
    enabled: rule.enabled,
    conditions: rule.conditions,
    actions: rule.actions,
    stopProcessing: rule.stopProcessing,
    expiresAt: rule.expiresAt,
    note: rule.note,
  };
  const list = { orgSlug, teamSlug: teamSlug ?? "" };
  return (
    <>
      <PageHeader
        title={rule.name}
        description={`${teamSlug ? "Team" : "Organization"} rule ${rule.position}${rule.createdBy ? `, created by ${rule.createdBy.name}` : ""}.`}
        actions={
          <>
            <LinkButton href={`/o/${orgSlug}/findings?rule=${rule.id}` as Route} variant="secondary">
              Findings it changed
            </LinkButton>
            {canEdit ? <DeleteRuleButton list={list} rule={rule} returnToList /> : null}
          </>
        }
      />
      <div className="space-y-6">
        {rule.problem ? <Alert tone="error">{rule.problem} It does not run until it is saved again.</Alert> : null}
        {canEdit && choices ? (
          <>
            <Card>
              <CardHeader
                title="Apply to existing findings"
                description="New reports get the rule as they arrive. To change the findings already open, apply it: you see the numbers first."
              />
              <CardBody>
                <ApplyPanel
                  orgSlug={orgSlug}
                  teamSlug={teamSlug ?? ""}
                  ruleId={rule.id}
                  rule={stored}
                  initialJob={job}
                />
              </CardBody>
            </Card>
            <RuleEditor
              orgSlug={orgSlug}
              teamSlug={teamSlug ?? ""}
              rule={{ id: rule.id, ...stored }}
              choices={choices}
              names={names}
              listHref={listHref}
            />
          </>
        ) : (
          <Card>
            <CardHeader title="What it does" description={rule.note || undefined} />
            <CardBody>
              <p className="text-sm text-slate-700">{describeRule(rule, namesFromRecords(names))}</p>
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="Run ledger" description="Each run in which the rule matched something or failed." />
          <RunLedger
            runs={runs.runs}
            olderHref={runs.nextCursor ? `${pageHref}?runs=${encodeURIComponent(runs.nextCursor)}` : null}
            newestHref={runs.cursor ? pageHref : null}
          />
        </Card>
      </div>
    </>
  );
}
