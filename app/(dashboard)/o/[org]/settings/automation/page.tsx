import type { Metadata, Route } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { ruleNames } from "@/lib/automation/rules/editor-choices";
import { listRules } from "@/lib/automation/rules/queries";
import { MAX_RULES_PER_LIST } from "@/lib/automation/schemas";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { NoRulesYet, RuleList } from "@/components/automation/rule-list";
import { YamlPanel } from "@/components/automation/yaml-panel";

export const metadata: Metadata = { title: "Automation rules" };

export default async function AutomationSettingsPage({ params }: PageProps<"/o/[org]/settings/automation">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:settings:manage");
  const base = `/o/${access.org.slug}/settings/automation`;
  const [rules, names] = await Promise.all([listRules(access.org.id, null), ruleNames(access.org.id)]);
  const newRule = (
    <LinkButton href={`${base}/new` as Route} aria-disabled={rules.length >= MAX_RULES_PER_LIST}>
      New rule
    </LinkButton>
  );
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Organization rules"
          description={
            <>
              They run first, in this order, on every team&apos;s findings; then each team&apos;s own rules. Due dates
              come from the{" "}
              <Link
                href={`/o/${access.org.slug}/settings/sla` as Route}
                className="font-medium text-brand-600 hover:text-brand-700"
              >
                SLA policy
              </Link>
              .
            </>
          }
          actions={rules.length ? newRule : null}
        />
        {rules.length ? (
          <RuleList
            rules={rules}
            names={names}
            base={base}
            editing={{ orgSlug: access.org.slug, teamSlug: "" }}
            label="Organization rules"
            now={new Date()}
          />
        ) : (
          <NoRulesYet action={newRule} />
        )}
      </Card>
      <Card>
        <CardHeader
          title="Rules as code"
          description="Export every list as YAML, or import a file after reviewing its changes."
        />
        <CardBody>
          <YamlPanel orgSlug={access.org.slug} />
        </CardBody>
      </Card>
    </div>
  );
}
