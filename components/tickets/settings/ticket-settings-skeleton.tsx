import { CardBlock, CardHeaderBlock, Skeleton } from "@/components/ui/skeleton";

/** The ticket settings pages while they load: their cards' outlines. */
export function TicketSettingsSkeleton({ cards = 2 }: { cards?: number }) {
  return (
    <Skeleton label="Loading ticket settings" className="space-y-6">
      {Array.from({ length: cards }, (_, i) => (
        <CardBlock key={i} className="h-64">
          <CardHeaderBlock bars={["w-40", "w-72"]} />
        </CardBlock>
      ))}
    </Skeleton>
  );
}
