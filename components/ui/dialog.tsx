"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal on the native <dialog>: focus is trapped and Escape closes it. The content mounts only
 * while open, so each opening starts from a fresh form.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  size = "lg",
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** "sm" for a confirmation, "lg" for a form or a secret with commands. */
  size?: "sm" | "lg";
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto w-full ${size === "sm" ? "max-w-md" : "max-w-2xl"} rounded-lg border border-slate-200 bg-white p-0 text-left shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? (
        <>
          <div className="border-b border-slate-100 px-5 py-4">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
          </div>
          <div className="px-5 py-4">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}
