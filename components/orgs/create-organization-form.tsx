"use client";

import { startTransition, useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/server/action-result";
import { Alert } from "@/components/ui/alert";
import { OrgNameSlugFields } from "./org-name-slug-fields";
import { Button } from "@/components/ui/button";

export function CreateOrganizationForm({
  action,
}: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<{ orgSlug: string }>>;
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state?.ok) return;
    router.replace(`/o/${state.data.orgSlug}`);
    router.refresh();
  }, [state, router]);

  return (
    // Submitted by hand rather than through `action`, so a refused name stays in the field.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => dispatch(form));
      }}
      className="mt-6 space-y-4"
    >
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Organization created. Opening it…</Alert> : null}
      <OrgNameSlugFields errors={errors} autoFocus />
      <Button type="submit" className="w-full" disabled={pending || state?.ok} aria-busy={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
