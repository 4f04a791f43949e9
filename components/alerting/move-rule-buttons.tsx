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
      {(
        [
          ["up", first, "↑"],
          ["down", last, "↓"],
        ] as const
      ).map(([direction, end, arrow]) => (
        <Button
          key={direction}
          size="sm"
          variant="ghost"
          disabled={end || pending}
          onClick={() => move(direction)}
          aria-label={`Move ${rule.name} ${direction}`}
          title={`Move ${direction}`}
        >
          {arrow}
        </Button>
      ))}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error.message}
        </span>
      ) : null}
    </div>
  );
}
