"use client";

import type { ReactNode } from "react";
import { SNOOZE_PRESET_LABELS, SNOOZE_PRESETS, type TSnoozePreset } from "@/lib/findings/triage-schemas";
import { Button, type TButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { TTriageNotice } from "./use-triage";

// Controls shared by the list's bulk bar and a finding's triage panel.

/** A small secondary (or ghost) button that is off while a triage action runs. */
export function TriageButton({
  pending,
  onClick,
  variant = "secondary",
  children,
}: {
  pending: boolean;
  onClick: () => void;
  variant?: TButtonVariant;
  children: ReactNode;
}) {
  return (
    <Button size="sm" variant={variant} disabled={pending} onClick={onClick}>
      {children}
    </Button>
  );
}

const closeMenu = (e: React.MouseEvent<HTMLElement>) => e.currentTarget.closest("details")?.removeAttribute("open");
const itemClass = "block w-full rounded px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-50";

/** The Snooze menu: the presets, then "Until a date…" which opens the date dialog. */
export function SnoozeMenu({
  label,
  align,
  pending,
  onPreset,
  onDate,
}: {
  label: string;
  align: "left" | "right";
  pending: boolean;
  onPreset: (preset: TSnoozePreset) => void;
  onDate: () => void;
}) {
  return (
    <details className="relative" data-menu>
      <summary
        className={cn(
          "inline-flex h-8 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden",
          pending && "pointer-events-none opacity-50",
        )}
      >
        {label}
        <svg viewBox="0 0 16 16" className="size-3.5 text-slate-400" aria-hidden>
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
        </svg>
      </summary>
      <div
        className={cn(
          "absolute z-30 mt-1 w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg",
          align === "left" ? "left-0" : "right-0",
        )}
      >
        {SNOOZE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={itemClass}
            onClick={(e) => {
              closeMenu(e);
              onPreset(preset);
            }}
          >
            For {SNOOZE_PRESET_LABELS[preset]}
          </button>
        ))}
        <button
          type="button"
          className={itemClass}
          onClick={(e) => {
            closeMenu(e);
            onDate();
          }}
        >
          Until a date…
        </button>
      </div>
    </details>
  );
}

/** "Saving…" while an action runs, then what happened, announced (status, or alert on failure). */
export function TriageOutcome({
  pending,
  notice,
  inline,
}: {
  pending: boolean;
  notice: TTriageNotice | null;
  /** In a toolbar row: a span, and the notice pushed to the right. */
  inline?: boolean;
}) {
  return (
    <>
      {pending ? (
        inline ? (
          <span className="text-sm text-slate-500">Saving…</span>
        ) : (
          <p className="text-sm text-slate-500">Saving…</p>
        )
      ) : null}
      {notice ? (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={cn(inline && "ml-auto", "text-sm", notice.tone === "error" ? "text-red-700" : "text-emerald-700")}
        >
          {notice.text}
        </p>
      ) : null}
    </>
  );
}
