"use client";

import { startTransition, useActionState } from "react";
import { moveRuleAction } from "@/lib/alerting/actions";
import { Button } from "@/components/ui/button";

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
  const move = (direction: "up" | "down") => {
    const form = new FormData();
    form.set("org", orgSlug);
    form.set("team", teamSlug);
    form.set("ruleId", rule.id);
    form.set("direction", direction);
    startTransition(() => dispatch(form));
  };
  return (
    <div className="flex items-center gap-0.5">
      <Button
        size="sm"
        variant="ghost"
        disabled={first || pending}
        onClick={() => move("up")}
        aria-label={`Move ${rule.name} up`}
        title="Move up"
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={last || pending}
        onClick={() => move("down")}
        aria-label={`Move ${rule.name} down`}
        title="Move down"
      >
        ↓
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error.message}
        </span>
      ) : null}
    </div>
  );
}
