import { cn } from "@/components/ui/cn";

function Block({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200/70", className)} />;
}

function TableRows({ rows = 6 }: { rows?: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-100 bg-slate-50 px-4 py-3">
        <Block className="h-3 w-2/3" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-6 border-b border-slate-100 px-4 py-4 last:border-0">
          <div className="flex-1 space-y-2">
            <Block className="h-4 w-1/2" />
            <Block className="h-3 w-1/3" />
          </div>
          <Block className="h-5 w-16" />
          <Block className="h-5 w-20" />
          <Block className="h-4 w-12" />
        </div>
      ))}
    </div>
  );
}

function RuleCard() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="space-y-2 border-b border-slate-100 px-5 py-4">
        <Block className="h-5 w-48" />
        <Block className="h-3 w-96 max-w-full" />
      </div>
      <div className="space-y-2 px-5 py-3">
        {Array.from({ length: 2 }, (_, i) => (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 px-3 py-3">
            <Block className="h-4 w-1/2" />
            <Block className="h-3 w-1/3" />
            <Block className="h-3 w-2/5" />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * An Alerting tab while it loads (the header and tabs stay): "table" is the body of the feed and
 * the log, "card" a destinations card, "rules" rule lists.
 */
export function AlertingSkeleton({ variant = "table" }: { variant?: "table" | "card" | "rules" }) {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      {variant === "table" ? <TableRows /> : null}
      {variant === "card" ? (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="space-y-2 border-b border-slate-100 px-5 py-4">
            <Block className="h-5 w-56" />
            <Block className="h-3 w-2/3" />
          </div>
          <div className="flex gap-4 border-b border-slate-100 px-5 py-4">
            <Block className="h-9 flex-1" />
            <Block className="h-9 flex-1" />
            <Block className="h-9 flex-1" />
          </div>
          <div className="p-4">
            <TableRows rows={3} />
          </div>
        </div>
      ) : null}
      {variant === "rules" ? (
        <>
          <RuleCard />
          <RuleCard />
        </>
      ) : null}
    </div>
  );
}
