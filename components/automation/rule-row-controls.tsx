"use client";

import { startTransition, useActionState } from "react";
import { deleteRuleAction, moveRuleAction, setRuleEnabledAction } from "@/lib/automation/actions";
import type { TActionResult } from "@/lib/server/action-result";
import { MoveButtons } from "@/components/ui/move-buttons";
import { ConfirmAction } from "@/components/ui/confirm-action";

// The controls of one rule in a list: on/off, up/down, delete. Real buttons, so Tab and Enter
// (or Space) work them; each posts to its server action with the list's org and team.

export type TListRef = { orgSlug: string; teamSlug: string };

function useRuleAction<T>(action: (prev: unknown, form: FormData) => Promise<TActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const post = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    startTransition(() => dispatch(form));
  };
  return { state, post, pending };
}

const errorOf = (state: TActionResult<unknown> | null) => (state && !state.ok ? state.error.message : null);

export function EnabledToggle({
  list,
  rule,
}: {
  list: TListRef;
  rule: { id: string; name: string; enabled: boolean };
}) {
  const { state, post, pending } = useRuleAction(setRuleEnabledAction);
  const error = errorOf(state);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={rule.enabled}
        aria-label={`${rule.name}: ${rule.enabled ? "enabled" : "disabled"}`}
        disabled={pending}
        onClick={() =>
          post({ org: list.orgSlug, team: list.teamSlug, ruleId: rule.id, enabled: String(!rule.enabled) })
        }
        className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:opacity-50 ${
          rule.enabled ? "bg-brand-600" : "bg-slate-300"
        }`}
      >
        <span
          className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform ${
            rule.enabled ? "translate-x-4" : "translate-x-0.5"
          }`}
        />
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function MoveRuleButtons({
  list,
  rule,
  first,
  last,
}: {
  list: TListRef;
  rule: { id: string; name: string };
  first: boolean;
  last: boolean;
}) {
  const { state, post, pending } = useRuleAction(moveRuleAction);
  const error = errorOf(state);
  return (
    <span className="inline-flex items-center gap-0.5">
      <MoveButtons
        name={rule.name}
        first={first}
        last={last}
        pending={pending}
        error={error}
        onMove={(direction) => post({ org: list.orgSlug, team: list.teamSlug, ruleId: rule.id, direction })}
      />
    </span>
  );
}

export function DeleteRuleButton({
  list,
  rule,
  returnToList = false,
}: {
  list: TListRef;
  rule: { id: string; name: string };
  returnToList?: boolean;
}) {
  return (
    <ConfirmAction
      action={deleteRuleAction}
      fields={{ org: list.orgSlug, team: list.teamSlug, ruleId: rule.id, returnToList: String(returnToList) }}
      triggerLabel="Delete"
      triggerAriaLabel={`Delete ${rule.name}`}
      title={`Delete the rule “${rule.name}”?`}
      description="Its run history goes with it. What it changed on findings is undone the next time rules run over them."
      confirmLabel="Delete rule"
      pendingLabel="Deleting…"
    />
  );
}
