"use client";

import { deleteRuleAction } from "@/lib/alerting/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function DeleteRuleButton({
  orgSlug,
  teamSlug,
  rule,
}: {
  orgSlug: string;
  teamSlug: string;
  rule: { id: string; name: string };
}) {
  return (
    <ConfirmAction
      action={deleteRuleAction}
      fields={{ org: orgSlug, team: teamSlug, ruleId: rule.id }}
      triggerLabel="Delete"
      title={`Delete the rule “${rule.name}”?`}
      description="Incidents it opened resolve unless another rule (or the baseline) still pages for them."
      confirmLabel="Delete rule"
      pendingLabel="Deleting…"
    />
  );
}
