import { cn } from "@/components/ui/cn";

function Block({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200/70", className)} />;
}

function TableCard({ rows }: { rows: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="space-y-2 border-b border-slate-100 px-5 py-4">
        <Block className="h-5 w-32" />
        <Block className="h-3 w-48" />
      </div>
      <div className="border-b border-slate-100 bg-slate-50 px-4 py-3">
        <Block className="h-3 w-2/3" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b border-slate-100 px-4 py-3 last:border-0">
          <div className="flex-1 space-y-2">
            <Block className="h-4 w-1/3" />
            <Block className="h-3 w-1/4" />
          </div>
          <Block className="h-5 w-14" />
          <Block className="size-4" />
          <Block className="h-8 w-28" />
          <Block className="size-4" />
          <Block className="size-4" />
          <Block className="h-4 w-8" />
        </div>
      ))}
    </div>
  );
}

/**
 * A Policies tab while it loads (the header and tabs stay): "checks" the mode card and check
 * tables, "table" one list (teams, exemptions).
 */
export function PoliciesSkeleton({ variant = "checks" }: { variant?: "checks" | "table" }) {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      {variant === "checks" ? (
        <>
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
            <Block className="h-5 w-40" />
            <Block className="h-3 w-3/4" />
          </div>
          <TableCard rows={6} />
          <TableCard rows={3} />
        </>
      ) : (
        <TableCard rows={4} />
      )}
    </div>
  );
}
