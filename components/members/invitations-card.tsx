import { ORG_ROLE_LABELS, TEAM_ROLE_LABELS, type TOrgRole } from "@/lib/auth/permissions";
import { canHandleInvitationRole } from "@/lib/orgs/member-rules";
import type { TInvitationRow } from "@/lib/orgs/queries";
import { Card, CardHeader } from "@/components/ui/card";
import type { TFormAction } from "@/components/ui/use-action-form";
import type { TCreatedInvitation } from "./invitation-link-panel";
import { InvitationsList, type TInvitationListRow } from "./invitations-list";

export function InvitationsCard({
  invitations,
  actorRole,
  orgSlug,
  renewAction,
  revokeAction,
}: {
  invitations: TInvitationRow[];
  actorRole: TOrgRole;
  orgSlug: string;
  renewAction: TFormAction<TCreatedInvitation>;
  revokeAction: TFormAction<{ email: string }>;
}) {
  const rows: TInvitationListRow[] = invitations.map((i) => ({
    id: i.id,
    email: i.email,
    roleLabel: ORG_ROLE_LABELS[i.role],
    teamLabel: i.teamName ? `${i.teamName} · ${TEAM_ROLE_LABELS[i.teamRole ?? "viewer"]}` : null,
    invitedBy: i.invitedBy ? i.invitedBy.name || i.invitedBy.email : null,
    expiresAt: i.expiresAt.toISOString(),
    status: i.status === "expired" ? "expired" : "pending",
    canManage: canHandleInvitationRole(actorRole, i.role),
  }));
  return (
    <Card>
      <CardHeader
        title="Pending invitations"
        description="Links are shown once. If one was lost, make a new link: the old one stops working."
      />
      {rows.length ? (
        <InvitationsList rows={rows} orgSlug={orgSlug} renewAction={renewAction} revokeAction={revokeAction} />
      ) : (
        <div className="px-5 py-8 text-center">
          <p className="text-sm font-medium text-slate-900">No pending invitations</p>
          <p className="mt-1 text-sm text-slate-500">
            Invite a colleague above; their invitation waits here until they accept it.
          </p>
        </div>
      )}
    </Card>
  );
}
