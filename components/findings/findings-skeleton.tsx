import {
  Block,
  BlockStack,
  CardBlock,
  HeaderBlock,
  PanelBlock,
  Skeleton,
  TableBlock,
  TabsBlock,
} from "@/components/ui/skeleton";

/**
 * The findings area's shape while a page loads: header, tabs, filter bar and a table, at the
 * heights the real page has, so nothing jumps when it arrives.
 */
export function FindingsListSkeleton() {
  return (
    <Skeleton label="Loading findings…">
      <HeaderBlock actions={["w-28", "w-24"]} />
      <TabsBlock widths={["w-20", "w-28", "w-20", "w-24"]} />
      <div className="mb-3 flex flex-wrap gap-2">
        <Block className="h-8 w-64" />
        {Array.from({ length: 9 }, (_, i) => (
          <Block key={i} className="h-8 w-24" />
        ))}
      </div>
      <CardBlock>
        <div className="flex justify-between border-b border-slate-100 px-4 py-3">
          <Block className="h-7 w-64" />
          <Block className="h-7 w-36" />
        </div>
        <TableBlock count={8} rowClassName="flex items-start gap-6 px-4 py-3">
          <Block className="h-5 w-16 rounded-full" />
          <BlockStack bars={["h-4 w-3/4", "h-3 w-1/2"]} />
          <Block className="h-4 w-24" />
          <Block className="h-5 w-16 rounded-full" />
          <Block className="h-4 w-20" />
          <Block className="h-4 w-20" />
        </TableBlock>
      </CardBlock>
    </Skeleton>
  );
}

/** A finding's page while it loads: header, then the two columns. */
export function FindingDetailSkeleton() {
  return (
    <Skeleton label="Loading the finding…">
      <Block className="mb-4 h-4 w-32" />
      <div className="mb-6 space-y-3">
        <div className="flex gap-2">
          <Block className="h-5 w-16 rounded-full" />
          <Block className="h-5 w-16 rounded-full" />
        </div>
        <Block className="h-7 w-2/3" />
        <Block className="h-4 w-1/2" />
        <Block className="h-4 w-48" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          {["h-32", "h-40", "h-48"].map((h, i) => (
            <PanelBlock key={i} className={h} title="w-40">
              <Block className="mt-4 h-4 w-full" />
              <Block className="mt-2 h-4 w-5/6" />
            </PanelBlock>
          ))}
        </div>
        <div className="space-y-6">
          <PanelBlock className="h-56" title="w-24">
            <Block className="mt-4 h-8 w-full" />
          </PanelBlock>
          <PanelBlock className="h-72" title="w-24" />
        </div>
      </div>
    </Skeleton>
  );
}
