"use client";

import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import type { TRuleView } from "@/lib/alerting/rules/queries";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
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
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const done = useCallback(() => {
    setOpen(false);
    router.refresh();
  }, [router]);
  return (
    <>
      {rule ? (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Edit ${rule.name}`}>
          Edit
        </Button>
      ) : (
        <Button onClick={() => setOpen(true)}>Add rule</Button>
      )}
      <Dialog
        open={open}
        onClose={close}
        title={rule ? `Edit “${rule.name}”` : `New rule for ${ownerLabel}`}
        description={
          teamSlug
            ? "Applies to the findings this team owns, after the org baseline (which always applies)."
            : "Applies to every team and to unassigned findings. Teams cannot lower it."
        }
      >
        <RuleForm
          orgSlug={orgSlug}
          teamSlug={teamSlug}
          rule={rule}
          destinations={destinations}
          baseline={baseline}
          onDone={done}
          onCancel={close}
        />
      </Dialog>
    </>
  );
}
