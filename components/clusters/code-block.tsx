"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** A shell command to copy as a whole; long lines scroll instead of wrapping mid-flag. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <figure className="min-w-0">
      <div className="flex items-center justify-between gap-2">
        <figcaption className="text-sm font-medium text-slate-700">{label}</figcaption>
        <CopyButton value={code} ariaLabel={`Copy: ${label}`} variant="ghost" />
      </div>
      <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 px-3 py-2.5 font-mono text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
