"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A shell command to copy as a whole; long lines scroll instead of wrapping mid-flag. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <figure className="min-w-0">
      <div className="flex items-center justify-between gap-2">
        <figcaption className="text-sm font-medium text-slate-700">{label}</figcaption>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Copy: ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 px-3 py-2.5 font-mono text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
