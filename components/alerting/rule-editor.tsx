"use client";

import type { TRuleView } from "@/lib/alerting/rules/queries";
import { FormDialog } from "@/components/ui/form-dialog";
import { RuleForm, type TDestinationChoice } from "./rule-form";

/** "Add rule" or "Edit": the rule form in a dialog, closed and the list refreshed on save. */
export function RuleEditor({
  orgSlug,
  teamSlug,
  ownerLabel,
  rule,
  destinations,
  baseline,
}: {
  orgSlug: string;
  teamSlug: string;
  /** "the org baseline" or the team's name, for the title. */
  ownerLabel: string;
  rule?: TRuleView;
  destinations: TDestinationChoice[];
  baseline: Parameters<typeof RuleForm>[0]["baseline"];
}) {
  return (
    <FormDialog
      label={rule ? "Edit" : "Add rule"}
      ariaLabel={rule ? `Edit ${rule.name}` : undefined}
      variant={rule ? "ghost" : "primary"}
      size={rule ? "sm" : "md"}
      title={rule ? `Edit “${rule.name}”` : `New rule for ${ownerLabel}`}
      description={
        teamSlug
          ? "Applies to the findings this team owns, after the org baseline (which always applies)."
          : "Applies to every team and to unassigned findings. Teams cannot lower it."
      }
    >
      {({ close, done }) => (
        <RuleForm
          orgSlug={orgSlug}
          teamSlug={teamSlug}
          rule={rule}
          destinations={destinations}
          baseline={baseline}
          onDone={done}
          onCancel={close}
        />
      )}
    </FormDialog>
  );
}
