import { Block, BlockStack, Rows, Skeleton, TabsBlock } from "@/components/ui/skeleton";

/** The CI tab while it loads: header, tabs, filters, the branches table and the findings. */
export function CiSkeleton() {
  return (
    <Skeleton label="Loading CI results…">
      <BlockStack bars={["h-8 w-40", "h-4 w-[36rem] max-w-full"]} className="mb-6 space-y-2" />
      <TabsBlock widths={["w-16", "w-28", "w-20", "w-24", "w-8"]} />
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
          <Rows count={4} className="flex items-center gap-6 px-4 py-3">
            <BlockStack bars={["h-4 w-48", "h-3 w-24"]} />
            <Block className="h-4 w-20" />
            <Block className="h-4 w-16" />
            <Block className="h-4 w-20" />
            <Block className="h-4 w-8" />
            <Block className="h-5 w-20 rounded-full" />
          </Rows>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="border-b border-slate-100 px-5 py-4">
            <Block className="h-5 w-48" />
          </div>
          <Rows count={5} className="flex items-start gap-4 px-5 py-4">
            <Block className="h-5 w-16 rounded-full" />
            <BlockStack bars={["h-4 w-2/3", "h-3 w-1/3", "h-3 w-1/2"]} />
            <Block className="h-4 w-40" />
          </Rows>
        </div>
      </div>
    </Skeleton>
  );
}
