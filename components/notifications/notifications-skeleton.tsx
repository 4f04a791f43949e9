import { Block, BlockStack, Rows, Skeleton } from "@/components/ui/skeleton";

/** A notification settings page while it loads: cards of connections and subscriptions. */
export function NotificationsSkeleton({ cards = 2 }: { cards?: number }) {
  return (
    <Skeleton label="Loading…" className="space-y-6">
      {Array.from({ length: cards }, (_, i) => (
        <div key={i} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
            <BlockStack bars={["h-5 w-48", "h-3 w-96 max-w-full"]} />
            <Block className="h-9 w-32" />
          </div>
          <Rows count={2} className="space-y-3 px-5 py-4">
            <Block className="h-4 w-1/3" />
            <div className="grid gap-4 sm:grid-cols-4">
              <Block className="h-8" />
              <Block className="h-8" />
              <Block className="h-8" />
              <Block className="h-8" />
            </div>
          </Rows>
        </div>
      ))}
    </Skeleton>
  );
}
