"use client";

import { SecretReveal } from "@/components/ui/secret-reveal";
import { formatDateTime } from "@/components/ui/format";

export type TCreatedInvitation = {
  invitationId: string;
  email: string;
  link: string;
  expiresAt: string;
  mailSent: boolean;
  replaced: number;
};

/** The new link, once: only its hash is stored, so this is the inviter's one chance to copy it. */
export function InvitationLinkPanel({ invitation }: { invitation: TCreatedInvitation }) {
  return (
    <div className="space-y-2" data-testid="invitation-link">
      <SecretReveal label={`Invitation link for ${invitation.email}`} value={invitation.link} />
      <p className="text-xs text-slate-500">
        Send it to {invitation.email}; it works once and expires {formatDateTime(invitation.expiresAt)}.{" "}
        {invitation.mailSent ? "A copy was also handed to the mail log of the server. " : ""}
        {invitation.replaced > 0 ? "Their earlier invitation link no longer works." : ""}
      </p>
    </div>
  );
}
