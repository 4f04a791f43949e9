import type { TActionResult } from "@/lib/server/action-result";
import { cn } from "./cn";

/** A refused action's message as a line of small print, for a control too small for an alert box. */
export function ActionError({ state, className }: { state: TActionResult<unknown> | null; className?: string }) {
  return state && !state.ok ? (
    <p role="alert" className={cn("text-xs text-red-600", className)}>
      {state.error.message}
    </p>
  ) : null;
}
