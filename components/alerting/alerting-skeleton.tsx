import { cn } from "@/components/ui/cn";

function Block({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200/70", className)} />;
}

/** An Alerting tab while it loads (the header and tabs stay): a filter bar and a list. */
export function AlertingSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="mb-4 flex flex-wrap items-end gap-4">
        {["w-48", "w-40", "w-40", "w-40"].map((w, i) => (
          <div key={i} className="space-y-1">
            <Block className="h-4 w-16" />
            <Block className={cn("h-9", w)} />
          </div>
        ))}
        <Block className="h-9 w-16" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="border-b border-slate-100 bg-slate-50 px-4 py-3">
          <Block className="h-3 w-2/3" />
        </div>
        {Array.from({ length: 6 }, (_, i) => (
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
    </div>
  );
}
