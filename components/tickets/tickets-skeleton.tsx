import { Block, CardBlock, TableBlock } from "@/components/ui/skeleton";

/** A card of ticket rows (the team's tickets, a ticket's sync log) while it loads. */
export function TicketRowsBlock() {
  return (
    <CardBlock>
      <TableBlock count={6} rowClassName="flex items-center gap-4 px-4 py-3">
        <Block className="h-5 w-28 rounded-full" />
        <Block className="h-4 flex-1" />
        <Block className="h-4 w-16" />
        <Block className="h-4 w-12" />
      </TableBlock>
    </CardBlock>
  );
}
