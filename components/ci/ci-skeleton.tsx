import {
  Block,
  BlockStack,
  CardBlock,
  CardHeaderBlock,
  HeaderBlock,
  Rows,
  Skeleton,
  TableBlock,
  TabsBlock,
} from "@/components/ui/skeleton";

/** The CI tab while it loads: header, tabs, filters, the branches table and the findings. */
export function CiSkeleton() {
  return (
    <Skeleton label="Loading CI results…">
      <HeaderBlock description="w-[36rem] max-w-full" />
      <TabsBlock widths={["w-16", "w-28", "w-20", "w-24", "w-8"]} />
      <div className="space-y-6">
        <CardBlock className="flex items-end gap-4 px-5 py-4">
          <Block className="h-9 w-72" />
          <Block className="h-9 w-40" />
          <Block className="h-9 w-20" />
        </CardBlock>
        <CardBlock>
          <CardHeaderBlock bars={["h-5 w-32", "h-4 w-96 max-w-full"]} />
          <TableBlock count={4} rowClassName="flex items-center gap-6 px-4 py-3">
            <BlockStack bars={["h-4 w-48", "h-3 w-24"]} />
            <Block className="h-4 w-20" />
            <Block className="h-4 w-16" />
            <Block className="h-4 w-20" />
            <Block className="h-4 w-8" />
            <Block className="h-5 w-20 rounded-full" />
          </TableBlock>
        </CardBlock>
        <CardBlock>
          <CardHeaderBlock bars={["h-5 w-48"]} />
          <Rows count={5} className="flex items-start gap-4 px-5 py-4">
            <Block className="h-5 w-16 rounded-full" />
            <BlockStack bars={["h-4 w-2/3", "h-3 w-1/3", "h-3 w-1/2"]} />
            <Block className="h-4 w-40" />
          </Rows>
        </CardBlock>
      </div>
    </Skeleton>
  );
}
