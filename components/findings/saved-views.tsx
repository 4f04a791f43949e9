"use client";

import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { createSavedViewAction, deleteSavedViewAction } from "@/lib/findings/actions";
import { MAX_SAVED_VIEW_NAME } from "@/lib/findings/saved-views-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

export type TSavedViewLink = { id: string; name: string; href: string; current: boolean };

/** The user's saved views: open one, or delete it; and "Save view" for the current URL. */
export function SavedViews({ orgSlug, views, query }: { orgSlug: string; views: TSavedViewLink[]; query: string }) {
  const [saving, setSaving] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <details className="relative" data-menu data-testid="saved-views">
        <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
          Saved views
          {views.length ? <span className="text-xs font-normal text-slate-500">{views.length}</span> : null}
          <svg viewBox="0 0 16 16" className="size-3.5 text-slate-400" aria-hidden>
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
          </svg>
        </summary>
        <div className="absolute right-0 z-30 mt-1 w-72 rounded-md border border-slate-200 bg-white p-1.5 shadow-lg">
          {views.length ? (
            <ul className="max-h-72 overflow-y-auto">
              {views.map((v) => (
                <SavedViewItem key={v.id} orgSlug={orgSlug} view={v} />
              ))}
            </ul>
          ) : (
            <p className="px-2 py-2 text-sm text-slate-500">
              No saved views yet. Filter the list the way you like it, then choose Save view.
            </p>
          )}
        </div>
      </details>
      <Button variant="secondary" onClick={() => setSaving(true)}>
        Save view
      </Button>
      <Dialog
        open={saving}
        onClose={() => setSaving(false)}
        size="sm"
        title="Save this view"
        description="Keeps the filters, sort and grouping under a name, in your own list of views."
      >
        <SaveViewForm orgSlug={orgSlug} query={query} onDone={() => setSaving(false)} />
      </Dialog>
    </div>
  );
}

function SavedViewItem({ orgSlug, view }: { orgSlug: string; view: TSavedViewLink }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    start(async () => {
      const form = new FormData();
      form.set("org", orgSlug);
      form.set("id", view.id);
      const result = await deleteSavedViewAction(null, form);
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  return (
    <li className="group flex items-center gap-1 rounded hover:bg-slate-50">
      <Link
        href={view.href as Route}
        className={cn(
          "min-w-0 flex-1 truncate px-2 py-1.5 text-sm",
          view.current ? "font-medium text-brand-700" : "text-slate-700",
        )}
        aria-current={view.current ? "page" : undefined}
      >
        {view.name}
      </Link>
      {error ? (
        <span className="text-xs text-red-600" role="alert">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        onClick={remove}
        disabled={pending}
        className="rounded p-1 text-slate-400 hover:bg-red-50 hover:text-red-700 focus-visible:ring-2 focus-visible:ring-red-500 focus-visible:outline-none"
        aria-label={`Delete saved view ${view.name}`}
        title="Delete"
      >
        <svg viewBox="0 0 16 16" className="size-4" aria-hidden>
          <path
            d="M3 4.5h10M6.5 4.5V3h3v1.5M5 4.5l.5 8.5h5l.5-8.5"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.3}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </li>
  );
}

function SaveViewForm({ orgSlug, query, onDone }: { orgSlug: string; query: string; onDone: () => void }) {
  const router = useRouter();
  const id = useId();
  const { state, pending, submit } = useActionForm(createSavedViewAction, {
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  return (
    <form className="space-y-4" noValidate onSubmit={submit}>
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="query" value={query} />
      {state && !state.ok && !errors.name ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field id={`${id}-name`} label="Name" errors={errors.name}>
        <Input
          id={`${id}-name`}
          name="name"
          required
          autoFocus
          maxLength={MAX_SAVED_VIEW_NAME}
          placeholder="e.g. Critical security in payments"
          aria-invalid={Boolean(errors.name)}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" disabled={pending} onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save view"}
        </Button>
      </div>
    </form>
  );
}
