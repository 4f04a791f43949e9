import { Block, CardBlock, HeaderBlock, Skeleton, TableBlock } from "@/components/ui/skeleton";

export default function TicketLoading() {
  return (
    <Skeleton label="Loading the ticket…" className="space-y-6">
      <HeaderBlock />
      <CardBlock className="h-32" />
      <CardBlock>
        <TableBlock count={5} rowClassName="flex items-center gap-4 px-4 py-3">
          <Block className="h-4 w-10" />
          <Block className="h-4 w-24" />
          <Block className="h-4 flex-1" />
          <Block className="h-4 w-32" />
        </TableBlock>
      </CardBlock>
    </Skeleton>
  );
}
