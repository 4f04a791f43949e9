import { ORG_ROLE_LABELS, TEAM_ROLE_LABELS, assignableOrgRoles, type TOrgRole } from "@/lib/auth/permissions";
import { removalViolation, roleChangeViolation } from "@/lib/orgs/member-rules";
import type { TMemberRow } from "@/lib/orgs/queries";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ActionsTh, Table, Td, Th } from "@/components/ui/table";
import type { TFormAction } from "@/components/ui/use-action-form";
import { MemberRoleForm } from "./member-role-form";
import { RemoveMemberButton } from "./remove-member-button";
import { formatDate } from "@/components/ui/format";

const ROLE_TONES: Record<TOrgRole, TBadgeTone> = { owner: "brand", admin: "blue", member: "neutral" };

/** The roles this actor could move a member to, or null when the role is not theirs to change. */
function roleOptions(actorRole: TOrgRole, member: TMemberRow, ownerCount: number) {
  const targets = assignableOrgRoles(actorRole).filter(
    (to) => to === member.role || !roleChangeViolation({ actorRole, fromRole: member.role, toRole: to, ownerCount }),
  );
  if (targets.length <= 1) return null;
  return targets.map((r) => ({ value: r, label: ORG_ROLE_LABELS[r] }));
}

export function MembersCard({
  members,
  actorRole,
  actorUserId,
  orgSlug,
  changeRoleAction,
  removeAction,
}: {
  members: TMemberRow[];
  actorRole: TOrgRole;
  actorUserId: string;
  orgSlug: string;
  changeRoleAction: TFormAction<{ email: string; changed: boolean }>;
  removeAction: TFormAction<{ email: string; removedSelf: boolean }>;
}) {
  const ownerCount = members.filter((m) => m.role === "owner").length;
  return (
    <Card>
      <CardHeader
        title="Members"
        description={`${members.length} ${members.length === 1 ? "person" : "people"} in this organization. Owners and admins manage everything; members see the teams they are on.`}
      />
      <Table>
        <thead>
          <tr>
            <Th>Person</Th>
            <Th>Role</Th>
            <Th>Teams</Th>
            <Th>Joined</Th>
            <ActionsTh className="text-right" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => {
            const isSelf = m.userId === actorUserId;
            const options = roleOptions(actorRole, m, ownerCount);
            const removable = !removalViolation({ actorRole, targetRole: m.role, ownerCount });
            const lastOwner = m.role === "owner" && ownerCount <= 1;
            return (
              <tr key={m.membershipId} data-testid="member-row">
                <Td>
                  <p className="font-medium text-slate-900">
                    {m.name}
                    {isSelf ? (
                      <Badge tone="neutral" className="ml-2">
                        You
                      </Badge>
                    ) : null}
                  </p>
                  <p className="text-xs text-slate-500">{m.email}</p>
                </Td>
                <Td>
                  {options ? (
                    <MemberRoleForm
                      key={m.role}
                      orgSlug={orgSlug}
                      action={changeRoleAction}
                      membershipId={m.membershipId}
                      memberName={m.name}
                      role={m.role}
                      options={options}
                    />
                  ) : (
                    <span title={lastOwner ? "An organization needs at least one owner." : undefined}>
                      <Badge tone={ROLE_TONES[m.role]}>{ORG_ROLE_LABELS[m.role]}</Badge>
                    </span>
                  )}
                </Td>
                <Td>
                  {m.teams.length ? (
                    <ul className="flex max-w-xs flex-wrap gap-1">
                      {m.teams.map((t) => (
                        <li key={t.id}>
                          <Badge tone="neutral" className="whitespace-nowrap">
                            {t.name} · {TEAM_ROLE_LABELS[t.role]}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-400">{m.role === "member" ? "No team yet" : "All teams"}</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{formatDate(m.joinedAt)}</Td>
                <Td className="text-right">
                  {removable ? (
                    <RemoveMemberButton
                      orgSlug={orgSlug}
                      action={removeAction}
                      membershipId={m.membershipId}
                      memberName={m.name}
                      isSelf={isSelf}
                    />
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
