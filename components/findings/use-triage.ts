"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { TTriageResult } from "@/lib/findings/triage";
import type { TTriageDialog } from "./triage-dialogs";
import type { TActionResult } from "@/lib/server/action-result";
import { triageNotice } from "@/lib/findings/ui-format";

type TTriageAction = (prev: unknown, form: FormData) => Promise<TActionResult<TTriageResult>>;

export type TTriageNotice = { tone: "success" | "error"; text: string };

/**
 * Runs triage actions that need no form (snooze presets, unsnooze, unassign, reopen), keeps
 * the last outcome to announce, and which of the triage dialogs is open (`dialogs` goes to
 * `<TriageDialogs>`). The actions revalidate the findings pages; the refresh makes the
 * list show it at once.
 */
export function useTriage(orgSlug: string, afterSuccess?: () => void) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<TTriageNotice | null>(null);

  const done = useCallback(
    (verb: string, result: TTriageResult) => {
      setNotice({ tone: "success", text: triageNotice(verb, result) });
      afterSuccess?.();
      router.refresh();
    },
    [afterSuccess, router],
  );

  const run = (verb: string, action: TTriageAction, ids: string[], fields: Record<string, string> = {}) => {
    startTransition(async () => {
      const form = new FormData();
      form.set("org", orgSlug);
      form.set("ids", ids.join(","));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const result = await action(null, form);
      if (result.ok) done(verb, result.data);
      else setNotice({ tone: "error", text: result.error.message });
    });
  };

  const [dialog, setDialog] = useState<TTriageDialog | null>(null);
  // The ids a dialog acts on are fixed when it opens.
  const [dialogIds, setDialogIds] = useState<string[]>([]);
  const openDialog = (which: TTriageDialog, ids: string[]) => {
    setDialogIds(ids);
    setNotice(null);
    setDialog(which);
  };
  const dialogs = {
    dialog,
    ids: dialogIds,
    onClose: () => setDialog(null),
    onDone: (verb: string, result: TTriageResult) => {
      setDialog(null);
      done(verb, result);
    },
  };

  return { run, pending, notice, openDialog, dialogs };
}
