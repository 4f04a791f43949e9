"use client";

import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { ConfirmAction, type TFormAction } from "@/components/ui/confirm-action";

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
  const router = useRouter();
  // Someone who removed themselves can no longer see this org; send them to their next one.
  const onSuccess = useCallback(
    (data: { removedSelf: boolean }) => {
      if (data.removedSelf) {
        router.replace("/");
        router.refresh();
      }
    },
    [router],
  );
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
