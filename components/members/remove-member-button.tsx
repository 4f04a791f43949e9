"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import type { TFormAction } from "@/components/ui/use-action-form";
import { useReplaceRoute } from "@/components/ui/use-replace-route";

export function RemoveMemberButton({
  orgSlug,
  action,
  membershipId,
  memberName,
  isSelf,
}: {
  orgSlug: string;
  action: TFormAction<{ email: string; removedSelf: boolean }>;
  membershipId: string;
  memberName: string;
  isSelf: boolean;
}) {
  const replaceRoute = useReplaceRoute();
  // Someone who removed themselves can no longer see this org; send them to their next one.
  const onSuccess = (data: { removedSelf: boolean }) => {
    if (data.removedSelf) replaceRoute("/");
  };
  return (
    <ConfirmAction
      action={action}
      fields={{ org: orgSlug, membershipId }}
      triggerLabel={isSelf ? "Leave" : "Remove"}
      title={isSelf ? "Leave this organization?" : `Remove ${memberName}?`}
      description={
        isSelf
          ? "You lose access at once. To come back, an admin has to invite you again."
          : "They lose access at once, and leave every team of this organization. You can invite them again later."
      }
      confirmLabel={isSelf ? "Leave" : "Remove"}
      pendingLabel={isSelf ? "Leaving…" : "Removing…"}
      onSuccess={onSuccess}
    />
  );
}
