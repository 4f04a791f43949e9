import type { Metadata, Route } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { formatSlaDays, SLA_SEVERITY_LABELS, teamPolicyProblems } from "@/lib/sla/policy-rules";
import { getSlaPolicies } from "@/lib/sla/queries";
import { SLA_SEVERITIES } from "@/lib/sla/schemas";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { SlaClockExplainer } from "@/components/sla/sla-clock-explainer";
import { SlaPolicyForm } from "@/components/sla/sla-policy-form";

export const metadata: Metadata = { title: "SLAs" };

export default async function SlaSettingsPage({ params }: PageProps<"/o/[org]/settings/sla">) {
  const { org } = await params;
  const access = await requireOrgPage(org, "org:settings:manage");
  const policies = await getSlaPolicies(access.org.id);

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader
            title="Due days per severity"
            description={
              policies.orgIsDefault
                ? "The built-in defaults apply until you save: critical 7 days, high 30, medium 90, low none."
                : "How long a finding of each severity may stay open. Teams may set stricter days for their own findings."
            }
          />
          <CardBody>
            <SlaPolicyForm orgSlug={access.org.slug} policy={policies.org} />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="How the clock works" />
          <CardBody>
            <SlaClockExplainer />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader
          title="Teams with their own SLA"
          description="Team admins set these on their team's SLA tab; the stricter of the team's and the organization's days applies."
        />
        <CardBody>
          {policies.teams.length === 0 ? (
            <EmptyState title="Every team follows the organization's SLA">
              A team admin can set stricter days for the team&apos;s own findings on the team&apos;s SLA tab.
            </EmptyState>
          ) : (
            <Table wrapperClassName="rounded-md border border-slate-200">
              <caption className="sr-only">Teams with their own SLA days</caption>
              <thead>
                <tr>
                  <Th>Team</Th>
                  {SLA_SEVERITIES.map((s) => (
                    <Th key={s}>{SLA_SEVERITY_LABELS[s]}</Th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {policies.teams.map((t) => {
                  // Once the org got stricter than a team's own days, the org's apply: say so.
                  const looser = teamPolicyProblems(policies.org, t.policy);
                  return (
                    <tr key={t.teamId}>
                      <Td>
                        <Link
                          href={`/o/${access.org.slug}/teams/${t.teamSlug}/sla` as Route}
                          className="font-medium text-slate-900 hover:text-brand-700"
                        >
                          {t.teamName}
                        </Link>
                      </Td>
                      {SLA_SEVERITIES.map((s) => (
                        <Td key={s} className="tabular-nums">
                          {t.policy[s] === null ? (
                            <span className="text-slate-400">as the organization</span>
                          ) : (
                            <>
                              {formatSlaDays(t.policy[s])}
                              {looser[s] ? (
                                <Badge tone="amber" className="ml-2">
                                  the organization&apos;s is stricter
                                </Badge>
                              ) : null}
                            </>
                          )}
                        </Td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
