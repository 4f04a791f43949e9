"use client";

import type { Route } from "next";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { Button, type TButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { BudgetForm, type TBudgetFormProps } from "./budget-form";

/** A button that opens the budget form in a dialog (open at once when a link asked for a new budget). */
export function BudgetDialog({
  label,
  title,
  variant = "primary",
  size = "md",
  initialOpen = false,
  doneHref,
  ...form
}: TBudgetFormProps & {
  label: string;
  title: string;
  variant?: TButtonVariant;
  size?: "sm" | "md";
  initialOpen?: boolean;
  /** Where to go after saving (drops a "new budget" link's parameters); else the page refreshes. */
  doneHref?: string;
}) {
  const [open, setOpen] = useState(initialOpen);
  const router = useRouter();
  const close = useCallback(() => setOpen(false), []);
  const saved = useCallback(() => {
    setOpen(false);
    if (doneHref) router.replace(doneHref as Route);
    router.refresh();
  }, [router, doneHref]);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={title}
        description="A monthly amount in the org's currency, with alert thresholds."
      >
        <BudgetForm {...form} onCancel={close} onSaved={saved} />
      </Dialog>
    </>
  );
}
