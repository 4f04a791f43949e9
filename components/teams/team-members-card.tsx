import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionsTh, Table, Td, Th } from "@/components/ui/table";
import { TEAM_ROLE_LABELS, type TTeamRole } from "@/lib/auth/permissions";
import type { TAddableMember, TTeamMember } from "@/lib/teams/queries";
import { AddMemberForm } from "./add-member-form";
import { MemberRoleForm } from "./member-role-form";
import { RemoveMemberForm } from "./remove-member-form";

const ROLE_TONES: Record<TTeamRole, "brand" | "blue" | "neutral"> = {
  admin: "brand",
  editor: "blue",
  viewer: "neutral",
};

const ROLE_HELP =
  "Viewers see the team's findings and costs; editors also triage findings; team admins also manage members, routing and budgets.";

/** A team's members; team admins (and org admins) also get the controls to manage them. */
export function TeamMembersCard({
  orgSlug,
  teamSlug,
  members,
  candidates,
  canManage,
  currentUserId,
  canInvite,
}: {
  orgSlug: string;
  teamSlug: string;
  members: TTeamMember[];
  candidates: TAddableMember[];
  canManage: boolean;
  currentUserId: string;
  /** Whether to point at Settings → Members for people outside the org. */
  canInvite: boolean;
}) {
  return (
    <Card>
      <CardHeader
        title="Members"
        description={`${members.length} ${members.length === 1 ? "person" : "people"} on this team. ${ROLE_HELP}`}
      />
      {members.length ? (
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Team role</Th>
              <Th>Added</Th>
              {canManage ? <ActionsTh /> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.userId}>
                <Td>
                  <p className="font-medium text-slate-900">
                    {m.name}
                    {m.userId === currentUserId ? <span className="ml-1.5 text-xs text-slate-500">(you)</span> : null}
                  </p>
                  <p className="text-xs text-slate-500">{m.email}</p>
                </Td>
                <Td>
                  {canManage ? (
                    <MemberRoleForm orgSlug={orgSlug} teamSlug={teamSlug} member={m} />
                  ) : (
                    <Badge tone={ROLE_TONES[m.role]}>{TEAM_ROLE_LABELS[m.role]}</Badge>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-slate-500">
                  <time dateTime={m.addedAt.toISOString()}>
                    {m.addedAt.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" })}
                  </time>
                </Td>
                {canManage ? (
                  <Td className="text-right">
                    <RemoveMemberForm
                      orgSlug={orgSlug}
                      teamSlug={teamSlug}
                      member={m}
                      isSelf={m.userId === currentUserId}
                    />
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <CardBody>
          <p className="text-sm text-slate-500">
            No members yet.{" "}
            {canManage
              ? "Add organization members below so they see this team's findings and costs."
              : "A team admin or an org admin can add people."}
          </p>
        </CardBody>
      )}
      {canManage ? (
        <CardBody className="border-t border-slate-100">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a member</h3>
          {candidates.length ? (
            <AddMemberForm orgSlug={orgSlug} teamSlug={teamSlug} candidates={candidates} />
          ) : (
            <p className="text-sm text-slate-500">Everyone in the organization is already on this team.</p>
          )}
          <p className="mt-3 text-xs text-slate-500">
            Only people who are already in the organization can be added.{" "}
            {canInvite ? (
              <Link href={`/o/${orgSlug}/settings/members`} className="font-medium text-brand-600 hover:text-brand-700">
                Invite someone new
              </Link>
            ) : (
              "An org admin can invite someone new."
            )}
          </p>
        </CardBody>
      ) : null}
    </Card>
  );
}
