"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** A value to paste into the IdP's console: its label, the value in full, and a copy button. */
export function CopyValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <div className="text-xs font-medium text-slate-600">{label}</div>
      <div className="mt-1 flex items-start gap-2">
        <code className="min-w-0 flex-1 break-all rounded-md bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
          {value}
        </code>
        <CopyButton value={value} ariaLabel={`Copy ${label}`} />
      </div>
    </div>
  );
}
