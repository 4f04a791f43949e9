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

/** A page header: the title over its description, and the header's buttons when it has some. */
export function HeaderBlock({
  title = "w-40",
  description = "w-96 max-w-full",
  actions,
}: {
  title?: string;
  description?: string;
  /** One bar per button, by width. */
  actions?: string[];
}) {
  const bars = [cn("h-8", title), cn("h-4", description)];
  if (!actions) return <BlockStack bars={bars} className="mb-6 space-y-2" />;
  return (
    <div className="mb-6 flex items-end justify-between gap-4">
      <BlockStack bars={bars} className="space-y-2" />
      <div className="flex gap-2">
        {actions.map((w, i) => (
          <Block key={i} className={cn("h-9", w)} />
        ))}
      </div>
    </div>
  );
}

/** A card's white box. */
export function CardBlock({ className, children }: { className?: string; children?: ReactNode }) {
  return <div className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>{children}</div>;
}

/** A card's header: its title (and description) bars over a line, and its button (by width) when it has one. */
export function CardHeaderBlock({ bars, action }: { bars: string[]; action?: string }) {
  if (!action) return <BlockStack bars={bars} className="space-y-2 border-b border-slate-100 px-5 py-4" />;
  return (
    <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
      <BlockStack bars={bars} />
      <Block className={cn("h-9", action)} />
    </div>
  );
}

/** A table in a card: the grey header row, then `count` rows shaped by `children`. */
export function TableBlock({
  count,
  rowClassName,
  children,
}: {
  count: number;
  rowClassName: string;
  children: ReactNode;
}) {
  return (
    <>
      <div className="h-9 border-b border-slate-200 bg-slate-50" />
      <Rows count={count} className={rowClassName}>
        {children}
      </Rows>
    </>
  );
}

/** A padded card with its title bar (of width `title`), then what the card holds. */
export function PanelBlock({
  className,
  title,
  children,
}: {
  className?: string;
  title: string;
  children?: ReactNode;
}) {
  return (
    <CardBlock className={cn("p-5", className)}>
      <Block className={cn("h-5", title)} />
      {children}
    </CardBlock>
  );
}
