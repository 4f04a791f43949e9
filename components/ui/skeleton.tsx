import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// The pieces every loading skeleton is made of, so each page's skeleton says only its shape.

/** One grey pulsing bar; the class gives its size. */
export function Block({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200/70", className)} />;
}

/** The busy region a skeleton stands in: announced by `label` to screen readers. */
export function Skeleton({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div aria-busy="true" aria-live="polite" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** Bars stacked in a column (a row's title over its subtitle): one per class. */
export function BlockStack({ bars, className = "flex-1 space-y-2" }: { bars: string[]; className?: string }) {
  return (
    <div className={className}>
      {bars.map((bar, i) => (
        <Block key={i} className={bar} />
      ))}
    </div>
  );
}

/** A page's tab bar: one bar per tab width. */
export function TabsBlock({ widths }: { widths: string[] }) {
  return (
    <div className="mb-6 flex gap-6 border-b border-slate-200 pb-2.5">
      {widths.map((w, i) => (
        <Block key={i} className={cn("h-4", w)} />
      ))}
    </div>
  );
}

/** `count` copies of a table row of the given class (the last without its border). */
export function Rows({ count, className, children }: { count: number; className: string; children: ReactNode }) {
  return Array.from({ length: count }, (_, i) => (
    <div key={i} className={cn("border-b border-slate-100 last:border-0", className)}>
      {children}
    </div>
  ));
}
