import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { ORG_ROLE_LABELS, TEAM_ROLES, TEAM_ROLE_LABELS, assignableOrgRoles } from "@/lib/auth/permissions";
import { listMembers, listOpenInvitations } from "@/lib/orgs/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { MembersCard } from "@/components/members/members-card";
import { InvitationsCard } from "@/components/members/invitations-card";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  removeMemberAction,
  renewInvitationAction,
  revokeInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: PageProps<"/o/[org]/settings/members">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:members:manage");
  const [members, invitations, teams] = await Promise.all([
    listMembers(access.org.id),
    listOpenInvitations(access.org.id),
    visibleTeams(access),
  ]);
  const slug = access.org.slug;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Invite a member"
          description="They get a link to join with this role; add them to a team so they see its findings and costs."
        />
        <CardBody>
          <InviteMemberForm
            action={inviteMemberAction.bind(null, slug)}
            roles={assignableOrgRoles(access.role).map((r) => ({ value: r, label: ORG_ROLE_LABELS[r] }))}
            teams={teams.map((t) => ({ value: t.id, label: t.name }))}
            teamRoles={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))}
            pendingInvitationIds={invitations.filter((i) => i.status === "pending").map((i) => i.id)}
          />
        </CardBody>
      </Card>
      <MembersCard
        members={members}
        actorRole={access.role}
        actorUserId={access.user.id}
        changeRoleAction={changeMemberRoleAction.bind(null, slug)}
        removeAction={removeMemberAction.bind(null, slug)}
      />
      <InvitationsCard
        invitations={invitations}
        actorRole={access.role}
        renewAction={renewInvitationAction.bind(null, slug)}
        revokeAction={revokeInvitationAction.bind(null, slug)}
      />
    </div>
  );
}
