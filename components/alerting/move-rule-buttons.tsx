"use client";

import { startTransition, useActionState } from "react";
import { moveRuleAction } from "@/lib/alerting/actions";
import { MoveButtons, type TMoveDirection } from "@/components/ui/move-buttons";

/**
 * Up and down buttons (real buttons, so Tab and Enter move a rule); order decides which rule wins,
 * never an incident's identity, so moving opens nothing new.
 */
export function MoveRuleButtons({
  orgSlug,
  teamSlug,
  rule,
  first,
  last,
}: {
  orgSlug: string;
  teamSlug: string;
  rule: { id: string; name: string };
  first: boolean;
  last: boolean;
}) {
  const [state, dispatch, pending] = useActionState(moveRuleAction, null);
  const move = (direction: TMoveDirection) => {
    const form = new FormData();
    form.set("org", orgSlug);
    form.set("team", teamSlug);
    form.set("ruleId", rule.id);
    form.set("direction", direction);
    startTransition(() => dispatch(form));
  };
  return (
    <div className="flex items-center gap-0.5">
      <MoveButtons
        name={rule.name}
        first={first}
        last={last}
        pending={pending}
        error={state && !state.ok ? state.error.message : null}
        onMove={move}
      />
    </div>
  );
}
