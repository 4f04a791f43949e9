import { Block, BlockStack, Rows, Skeleton } from "@/components/ui/skeleton";

function TableRows({ rows = 6 }: { rows?: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-100 bg-slate-50 px-4 py-3">
        <Block className="h-3 w-2/3" />
      </div>
      <Rows count={rows} className="flex gap-6 px-4 py-4">
        <BlockStack bars={["h-4 w-1/2", "h-3 w-1/3"]} />
        <Block className="h-5 w-16" />
        <Block className="h-5 w-20" />
        <Block className="h-4 w-12" />
      </Rows>
    </div>
  );
}

function RuleCard() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <BlockStack
        bars={["h-5 w-48", "h-3 w-96 max-w-full"]}
        className="space-y-2 border-b border-slate-100 px-5 py-4"
      />
      <div className="space-y-2 px-5 py-3">
        {Array.from({ length: 2 }, (_, i) => (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 px-3 py-3">
            <Block className="h-4 w-1/2" />
            <Block className="h-3 w-1/3" />
            <Block className="h-3 w-2/5" />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * An Alerting tab while it loads (the header and tabs stay): "table" is the body of the feed and
 * the log, "card" a destinations card, "rules" rule lists.
 */
export function AlertingSkeleton({ variant = "table" }: { variant?: "table" | "card" | "rules" }) {
  return (
    <Skeleton label="Loading…" className="space-y-6">
      {variant === "table" ? <TableRows /> : null}
      {variant === "card" ? (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <BlockStack bars={["h-5 w-56", "h-3 w-2/3"]} className="space-y-2 border-b border-slate-100 px-5 py-4" />
          <div className="flex gap-4 border-b border-slate-100 px-5 py-4">
            <Block className="h-9 flex-1" />
            <Block className="h-9 flex-1" />
            <Block className="h-9 flex-1" />
          </div>
          <div className="p-4">
            <TableRows rows={3} />
          </div>
        </div>
      ) : null}
      {variant === "rules" ? (
        <>
          <RuleCard />
          <RuleCard />
        </>
      ) : null}
    </Skeleton>
  );
}
