"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionsTh, Table, Td, Th } from "@/components/ui/table";
import { ConfirmAction } from "@/components/ui/confirm-action";
import type { TFormAction } from "@/components/ui/use-action-form";
import { InvitationLinkPanel, type TCreatedInvitation } from "./invitation-link-panel";
import { formatDateTime } from "@/components/ui/format";

export type TInvitationListRow = {
  id: string;
  email: string;
  roleLabel: string;
  teamLabel: string | null;
  invitedBy: string | null;
  expiresAt: string;
  status: "pending" | "expired";
  /** Admins see owner invitations but only owners may renew or revoke them. */
  canManage: boolean;
};

export function InvitationsList({
  rows,
  orgSlug,
  renewAction,
  revokeAction,
}: {
  rows: TInvitationListRow[];
  orgSlug: string;
  renewAction: TFormAction<TCreatedInvitation>;
  revokeAction: TFormAction<{ email: string }>;
}) {
  const [renewed, renew, renewing] = useActionState(renewAction, null);
  const [renewingId, setRenewingId] = useState<string | null>(null);
  return (
    <>
      {renewed && !renewed.ok ? (
        <div className="border-b border-slate-100 px-5 py-4">
          <Alert tone="error">{renewed.error.message}</Alert>
        </div>
      ) : null}
      {/* Hidden again once that invitation is revoked or used: its link no longer works. */}
      {renewed?.ok && rows.some((r) => r.id === renewed.data.invitationId) ? (
        <div className="border-b border-slate-100 px-5 py-4">
          <InvitationLinkPanel invitation={renewed.data} />
        </div>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Invited by</Th>
            <Th>Expires</Th>
            <Th>Status</Th>
            <ActionsTh className="text-right" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <Td className="font-medium text-slate-900">{row.email}</Td>
              <Td>
                <div>{row.roleLabel}</div>
                {row.teamLabel ? <div className="text-xs text-slate-500">{row.teamLabel}</div> : null}
              </Td>
              <Td>{row.invitedBy ?? <span className="text-slate-400">Unknown</span>}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(row.expiresAt)}</Td>
              <Td>
                {row.status === "pending" ? <Badge tone="blue">Pending</Badge> : <Badge tone="amber">Expired</Badge>}
              </Td>
              <Td>
                {row.canManage ? (
                  <div className="flex items-start justify-end gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={renewing}
                      aria-busy={renewing && renewingId === row.id}
                      title="Only a hash of each link is stored, so a lost link cannot be shown again. This makes a new one and disables the old."
                      onClick={() => {
                        const form = new FormData();
                        form.set("org", orgSlug);
                        form.set("invitationId", row.id);
                        setRenewingId(row.id);
                        startTransition(() => renew(form));
                      }}
                    >
                      {renewing && renewingId === row.id ? "Creating…" : "New link"}
                    </Button>
                    <ConfirmAction
                      action={revokeAction}
                      fields={{ org: orgSlug, invitationId: row.id }}
                      triggerLabel="Revoke"
                      title={`Revoke the invitation for ${row.email}?`}
                      description="The link stops working at once. You can invite them again later."
                      confirmLabel="Revoke"
                      pendingLabel="Revoking…"
                    />
                  </div>
                ) : (
                  <p className="text-right text-xs text-slate-400">Owners manage this invitation</p>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
