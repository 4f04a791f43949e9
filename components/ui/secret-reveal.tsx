"use client";

import { CopyButton } from "./copy-button";

/** Shows a secret once, with a copy button and a reminder that it will not be shown again. */
export function SecretReveal({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">{label}</p>
      <p className="mt-0.5 text-xs text-amber-800">Copy it now: it is shown only once and cannot be recovered.</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          data-testid="secret-value"
          className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-800 ring-1 ring-amber-200"
        >
          {value}
        </code>
        <CopyButton value={value} />
      </div>
    </div>
  );
}
