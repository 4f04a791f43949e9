import { cn } from "@/components/ui/cn";

function Block({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200/70", className)} />;
}

function Shell({ className, children }: { className?: string; children?: React.ReactNode }) {
  return <div className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)}>{children}</div>;
}

/**
 * The cost pages' shape while their figures load: header, tabs, then tiles, a chart and a table
 * ("overview"), or a list ("list"), so nothing jumps when the content arrives.
 */
export function CostSkeleton({ variant = "overview" }: { variant?: "overview" | "list" | "form" }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading cost…</span>
      {variant !== "form" ? (
        <>
          <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
            <div className="space-y-2">
              <Block className="h-8 w-48" />
              <Block className="h-4 w-96 max-w-full" />
            </div>
            {variant === "overview" ? <Block className="h-8 w-[34rem] max-w-full" /> : null}
          </div>
          <div className="mb-6 flex gap-6 border-b border-slate-200 pb-2.5">
            <Block className="h-4 w-16" />
            <Block className="h-4 w-20" />
            <Block className="h-4 w-16" />
          </div>
        </>
      ) : null}
      {variant === "overview" ? (
        <div className="space-y-6">
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Shell key={i} className="h-[102px] p-4">
                <Block className="h-4 w-24" />
                <Block className="mt-3 h-7 w-28" />
              </Shell>
            ))}
          </div>
          <Shell className="h-[380px]">
            <Block className="h-5 w-32" />
            <Block className="mt-8 h-[260px] w-full" />
          </Shell>
          <Shell className="h-72">
            <Block className="h-5 w-24" />
            {Array.from({ length: 5 }, (_, i) => (
              <Block key={i} className="mt-5 h-4 w-full" />
            ))}
          </Shell>
        </div>
      ) : (
        <Shell className="h-96">
          <Block className="h-5 w-40" />
          {Array.from({ length: 6 }, (_, i) => (
            <Block key={i} className="mt-6 h-5 w-full" />
          ))}
        </Shell>
      )}
    </div>
  );
}
