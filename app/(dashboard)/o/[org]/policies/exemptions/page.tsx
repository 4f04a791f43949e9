import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { listExemptions } from "@/lib/policies/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { ExemptionForm } from "@/components/policies/exemption-form";
import { ExemptionsTable } from "@/components/policies/exemptions-table";
import { OtherExemptions } from "@/components/policies/other-exemptions";

export const metadata: Metadata = { title: "Policy exemptions" };

export default async function ExemptionsPage({ params }: PageProps<"/o/[org]/policies/exemptions">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const editable = canOrg(access.role, "org:settings:manage");
  const [rules, teams] = await Promise.all([
    listExemptions(access.org.id),
    editable ? visibleTeams(access) : Promise.resolve([]),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Exemption rules"
          description="Checks the admission webhook does not apply to the objects a rule selects. Each rule says why; one with an expiry stops applying at the end of that day."
        />
        {rules.length ? (
          <ExemptionsTable orgSlug={access.org.slug} rules={rules} editable={editable} now={now} />
        ) : (
          <div className="p-5">
            <EmptyState icon={<EmptyIcon name="shield" />} title="No exemption rules">
              {editable
                ? "Every enabled check applies to every object. Add a rule below for objects that must break a check, such as a node agent that needs the host network."
                : "Every enabled check applies to every object. Org admins add exemption rules here."}
            </EmptyState>
          </div>
        )}
      </Card>
      {editable ? (
        <Card>
          <CardHeader title="Add an exemption" />
          <CardBody>
            <ExemptionForm
              orgSlug={access.org.slug}
              teams={teams.map((t) => ({ id: t.id, name: t.name }))}
              today={now.toISOString().slice(0, 10)}
            />
          </CardBody>
        </Card>
      ) : null}
      <OtherExemptions />
    </div>
  );
}
