import { HeaderBlock, Skeleton, TabsBlock } from "@/components/ui/skeleton";
import { TicketRowsBlock } from "@/components/tickets/tickets-skeleton";

// The team guard ran in the team's layout, above this boundary.
export default function TeamTicketsLoading() {
  return (
    <Skeleton label="Loading tickets…">
      <HeaderBlock actions={["w-24"]} />
      <TabsBlock widths={["w-20", "w-28", "w-16"]} />
      <TicketRowsBlock />
    </Skeleton>
  );
}
