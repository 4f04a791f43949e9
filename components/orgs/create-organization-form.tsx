"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/server/action-result";
import { slugify } from "@/lib/orgs/schemas";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function CreateOrganizationForm({
  action,
}: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<{ orgSlug: string }>>;
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
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
      <Field id="orgName" label="Organization name" errors={errors.orgName}>
        <Input
          id="orgName"
          name="orgName"
          required
          autoFocus
          aria-invalid={Boolean(errors.orgName)}
          onChange={(e) => {
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
      </Field>
      <Field
        id="orgSlug"
        label="Organization URL"
        hint={`Its dashboard will live at /o/${slug || "your-org"}`}
        errors={errors.orgSlug}
      >
        <Input
          id="orgSlug"
          name="orgSlug"
          required
          value={slug}
          aria-invalid={Boolean(errors.orgSlug)}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
          }}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || state?.ok} aria-busy={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
