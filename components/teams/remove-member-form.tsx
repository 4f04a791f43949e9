"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { removeTeamMemberAction } from "@/lib/teams/actions";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** Remove (or leave) in two steps: the first click asks, the second removes. */
export function RemoveMemberForm({
  orgSlug,
  teamSlug,
  member,
  isSelf,
}: {
  orgSlug: string;
  teamSlug: string;
  member: { userId: string; name: string };
  isSelf: boolean;
}) {
  const [state, action] = useActionState(removeTeamMemberAction, null);
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const cancelled = useRef(false);
  const askId = `remove-member-${member.userId}`;
  const label = isSelf ? "Leave team" : "Remove";

  // Focus follows the question: onto "Remove" when asked, back to the first button on cancel.
  useEffect(() => {
    if (asking) confirmRef.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    else if (cancelled.current) document.getElementById(askId)?.focus();
    cancelled.current = false;
  }, [asking, askId]);

  const error = <ActionError state={state} className="w-full text-right" />;

  if (!asking) {
    return (
      <div className="text-right">
        <Button
          id={askId}
          size="sm"
          variant="ghost"
          onClick={() => setAsking(true)}
          aria-label={isSelf ? "Leave this team" : `Remove ${member.name} from the team`}
        >
          {label}
        </Button>
        {error}
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center justify-end gap-2">
      <HiddenFields values={{ org: orgSlug, team: teamSlug, userId: member.userId }} />
      <div ref={confirmRef} className="flex items-center gap-2">
        <span className="text-xs text-slate-600">
          {isSelf ? "You will lose access to this team." : `Remove ${member.name}?`}
        </span>
        <SubmitButton size="sm" variant="danger" pendingLabel="Removing…">
          {isSelf ? "Leave" : "Remove"}
        </SubmitButton>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            cancelled.current = true;
            setAsking(false);
          }}
        >
          Cancel
        </Button>
      </div>
      {error}
    </form>
  );
}
