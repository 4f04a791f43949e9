import { Block, CardBlock, HeaderBlock, Skeleton, TableBlock, TabsBlock } from "@/components/ui/skeleton";

// The team guard ran in the team's layout, above this boundary.
export default function TeamTicketsLoading() {
  return (
    <Skeleton label="Loading tickets…">
      <HeaderBlock actions={["w-24"]} />
      <TabsBlock widths={["w-20", "w-28", "w-16"]} />
      <CardBlock>
        <TableBlock count={6} rowClassName="flex items-center gap-4 px-4 py-3">
          <Block className="h-5 w-28 rounded-full" />
          <Block className="h-4 flex-1" />
          <Block className="h-4 w-16" />
          <Block className="h-4 w-12" />
        </TableBlock>
      </CardBlock>
    </Skeleton>
  );
}
