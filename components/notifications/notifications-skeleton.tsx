import { Block, CardBlock, CardHeaderBlock, Rows, Skeleton } from "@/components/ui/skeleton";

/** A notification settings page while it loads: cards of connections and subscriptions. */
export function NotificationsSkeleton({ cards = 2 }: { cards?: number }) {
  return (
    <Skeleton label="Loading…" className="space-y-6">
      {Array.from({ length: cards }, (_, i) => (
        <CardBlock key={i}>
          <CardHeaderBlock bars={["h-5 w-48", "h-3 w-96 max-w-full"]} action="w-32" />
          <Rows count={2} className="space-y-3 px-5 py-4">
            <Block className="h-4 w-1/3" />
            <div className="grid gap-4 sm:grid-cols-4">
              {Array.from({ length: 4 }, (_, j) => (
                <Block key={j} className="h-8" />
              ))}
            </div>
          </Rows>
        </CardBlock>
      ))}
    </Skeleton>
  );
}
