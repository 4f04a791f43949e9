import { Block, BlockStack, CardBlock, HeaderBlock, PanelBlock, Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";

/**
 * The overview's shape while its numbers load: the same tiles and card heights as the page, so
 * nothing moves when the content arrives.
 */
export function OverviewSkeleton({ tiles = 5 }: { tiles?: number }) {
  return (
    <Skeleton label="Loading the overview…">
      <HeaderBlock title="w-48" />
      <div className={cn("grid grid-cols-2 gap-4", tiles > 5 ? "md:grid-cols-3 xl:grid-cols-6" : "md:grid-cols-5")}>
        {Array.from({ length: tiles }, (_, i) => (
          <CardBlock key={i} className="h-[114px] p-4">
            <Block className="h-4 w-24" />
            <Block className="mt-3 h-8 w-16" />
          </CardBlock>
        ))}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <PanelBlock className="h-[353px] lg:col-span-3" title="w-32">
          <Block className="mt-12 h-52 w-full" />
        </PanelBlock>
        <PanelBlock className="h-[353px] lg:col-span-2" title="w-36">
          <div className="mt-16 flex items-center gap-6">
            <div className="size-[152px] shrink-0 animate-pulse rounded-full border-[20px] border-slate-200/70" />
            <BlockStack bars={["h-4 w-full", "h-4 w-full", "h-4 w-full", "h-4 w-full"]} className="flex-1 space-y-3" />
          </div>
        </PanelBlock>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <PanelBlock className="h-72 lg:col-span-3" title="w-48" />
        <PanelBlock className="h-72 lg:col-span-2" title="w-36" />
      </div>
    </Skeleton>
  );
}
