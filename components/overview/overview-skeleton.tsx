import { Block, BlockStack, Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";

function CardShell({ className, children }: { className?: string; children: React.ReactNode }) {
  return <div className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>{children}</div>;
}

/**
 * The overview's shape while its numbers load: the same tiles and card heights as the page, so
 * nothing moves when the content arrives.
 */
export function OverviewSkeleton({ tiles = 5 }: { tiles?: number }) {
  return (
    <Skeleton label="Loading the overview…">
      <BlockStack bars={["h-8 w-48", "h-4 w-96 max-w-full"]} className="mb-6 space-y-2" />
      <div className={cn("grid grid-cols-2 gap-4", tiles > 5 ? "md:grid-cols-3 xl:grid-cols-6" : "md:grid-cols-5")}>
        {Array.from({ length: tiles }, (_, i) => (
          <CardShell key={i} className="h-[114px] p-4">
            <Block className="h-4 w-24" />
            <Block className="mt-3 h-8 w-16" />
          </CardShell>
        ))}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <CardShell className="h-[353px] p-5 lg:col-span-3">
          <Block className="h-5 w-32" />
          <Block className="mt-12 h-52 w-full" />
        </CardShell>
        <CardShell className="h-[353px] p-5 lg:col-span-2">
          <Block className="h-5 w-36" />
          <div className="mt-16 flex items-center gap-6">
            <div className="size-[152px] shrink-0 animate-pulse rounded-full border-[20px] border-slate-200/70" />
            <BlockStack bars={["h-4 w-full", "h-4 w-full", "h-4 w-full", "h-4 w-full"]} className="flex-1 space-y-3" />
          </div>
        </CardShell>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <CardShell className="h-72 p-5 lg:col-span-3">
          <Block className="h-5 w-48" />
        </CardShell>
        <CardShell className="h-72 p-5 lg:col-span-2">
          <Block className="h-5 w-36" />
        </CardShell>
      </div>
    </Skeleton>
  );
}
