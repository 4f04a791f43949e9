import { cn } from "@/components/ui/cn";

function Block({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200/70", className)} />;
}

/** The CI tab while it loads: header, tabs, filters, the branches table and the findings. */
export function CiSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading CI results…</span>
      <div className="mb-6 space-y-2">
        <Block className="h-8 w-40" />
        <Block className="h-4 w-[36rem] max-w-full" />
      </div>
      <div className="mb-6 flex gap-6 border-b border-slate-200 pb-2.5">
        {["w-16", "w-28", "w-20", "w-24", "w-8"].map((w, i) => (
          <Block key={i} className={cn("h-4", w)} />
        ))}
      </div>
      <div className="space-y-6">
        <div className="flex items-end gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
          <Block className="h-9 w-72" />
          <Block className="h-9 w-40" />
          <Block className="h-9 w-20" />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="border-b border-slate-100 px-5 py-4">
            <Block className="h-5 w-32" />
            <Block className="mt-2 h-4 w-96 max-w-full" />
          </div>
          <div className="h-9 border-b border-slate-200 bg-slate-50" />
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="flex items-center gap-6 border-b border-slate-100 px-4 py-3 last:border-0">
              <div className="flex-1 space-y-2">
                <Block className="h-4 w-48" />
                <Block className="h-3 w-24" />
              </div>
              <Block className="h-4 w-20" />
              <Block className="h-4 w-16" />
              <Block className="h-4 w-20" />
              <Block className="h-4 w-8" />
              <Block className="h-5 w-20 rounded-full" />
            </div>
          ))}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="border-b border-slate-100 px-5 py-4">
            <Block className="h-5 w-48" />
          </div>
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="flex items-start gap-4 border-b border-slate-100 px-5 py-4 last:border-0">
              <Block className="h-5 w-16 rounded-full" />
              <div className="flex-1 space-y-2">
                <Block className="h-4 w-2/3" />
                <Block className="h-3 w-1/3" />
                <Block className="h-3 w-1/2" />
              </div>
              <Block className="h-4 w-40" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
