import type { Metadata } from "next";
import { visibleTeams } from "@/lib/auth/access";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listPersonalSubscriptions, listTeamsWithTimeZone } from "@/lib/notifications/subscriptions/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { AssignedFindingsToggle } from "@/components/notifications/assigned-findings-toggle";
import { PersonalDigestForm } from "@/components/notifications/personal-digest-form";
import { PersonalSubscriptionList } from "@/components/notifications/personal-subscription-list";

export const metadata: Metadata = { title: "My notifications" };

export default async function MyNotificationsPage({ params }: PageProps<"/o/[org]/notifications">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const [visible, subscriptions] = await Promise.all([
    visibleTeams(access),
    listPersonalSubscriptions(access.org.id, access.user.id),
  ]);
  const teams = await listTeamsWithTimeZone(
    access.org.id,
    visible.map((t) => t.id),
  );
  return (
    <>
      <PageHeader
        title="My notifications"
        description={`Mails for you alone, in ${access.org.name}: your teams' digests and the findings assigned to you, sent to ${access.user.email}.`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Your subscriptions" description="Each mail also has a link to unsubscribe." />
          {subscriptions.length ? (
            <PersonalSubscriptionList orgSlug={access.org.slug} subscriptions={subscriptions} teams={teams} />
          ) : (
            <div className="p-5">
              <EmptyState icon={<EmptyIcon name="bell" />} title="You get no digest yet">
                Subscribe below to a daily or weekly digest of one of your teams: what changed in its findings, what to
                fix first, its cost and budgets.
              </EmptyState>
            </div>
          )}
        </Card>
        {subscriptions.some((s) => s.events.includes("finding.assigned")) ? null : (
          <Card>
            <CardHeader title="Findings assigned to you" />
            <CardBody>
              <AssignedFindingsToggle orgSlug={access.org.slug} email={access.user.email} />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader
            title="Subscribe to a team digest"
            description="At the hour you choose, in the team's time zone."
          />
          <CardBody>
            {teams.length ? (
              <PersonalDigestForm orgSlug={access.org.slug} teams={teams} email={access.user.email} />
            ) : (
              <p className="text-sm text-slate-500">
                You are not on a team yet: ask an org admin to add you to yours, then subscribe to its digest here.
              </p>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
