import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { listDestinations } from "@/lib/alerting/destinations/queries";
import { previewRules } from "@/lib/alerting/preview";
import { listBaselineRules } from "@/lib/alerting/rules/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { RuleEditor } from "@/components/alerting/rule-editor";
import { RuleList } from "@/components/alerting/rule-list";

export const metadata: Metadata = { title: "Baseline alert policy" };

export default async function BaselinePage({ params }: PageProps<"/o/[org]/alerting/baseline">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const canEdit = canOrg(access.role, "org:integrations:manage");
  const [rules, destinations, previews] = await Promise.all([
    listBaselineRules(access.org.id),
    canEdit ? listDestinations(access.org.id) : Promise.resolve([]),
    // Over every team's findings: only org admins see all of them.
    canEdit ? previewRules(access.org.id, null) : Promise.resolve([]),
  ]);
  const editing = canEdit
    ? {
        orgSlug: access.org.slug,
        teamSlug: "",
        ownerLabel: "the org baseline",
        destinations: destinations.map((d) => ({ id: d.id, name: d.name, teamName: d.teamName })),
        baseline: null,
      }
    : null;
  return (
    <Card>
      <CardHeader
        title="Baseline policy"
        description={
          canEdit
            ? "The minimum every team gets, and unassigned findings too. Team rules add pages on top; the server refuses a team rule that would lower or silence these."
            : "The minimum every team gets, set by org admins. Your team's rules add pages on top of it."
        }
        actions={editing ? <RuleEditor {...editing} /> : null}
      />
      {rules.length ? (
        <RuleList
          rules={rules}
          previews={canEdit ? new Map(previews.map((p) => [p.ruleId, p])) : undefined}
          editing={editing}
          label="Org baseline"
        />
      ) : (
        <div className="p-5">
          <EmptyState icon={<EmptyIcon name="shield" />} title="No baseline yet">
            {canEdit
              ? "Start with “critical security findings page the team's own destination, else platform” and “a stale cluster pages platform”, so no team is left uncovered."
              : "Nothing pages for every team yet. Org admins set the baseline here."}
          </EmptyState>
        </div>
      )}
    </Card>
  );
}
