import { CardBlock, HeaderBlock, Skeleton } from "@/components/ui/skeleton";
import { TicketRowsBlock } from "@/components/tickets/tickets-skeleton";

// The layout beside it has checked the ticket is the caller's to see.
export default function TicketLoading() {
  return (
    <Skeleton label="Loading the ticket…" className="space-y-6">
      <HeaderBlock />
      <CardBlock className="h-32" />
      <TicketRowsBlock />
    </Skeleton>
  );
}
