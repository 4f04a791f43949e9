import { Block, BlockStack, CardBlock, CardHeaderBlock, Skeleton, TableBlock } from "@/components/ui/skeleton";

function TableRows({ rows = 6 }: { rows?: number }) {
  return (
    <CardBlock>
      <TableBlock count={rows} rowClassName="flex gap-6 px-4 py-4">
        <BlockStack bars={["h-4 w-1/2", "h-3 w-1/3"]} />
        <Block className="h-5 w-16" />
        <Block className="h-5 w-20" />
        <Block className="h-4 w-12" />
      </TableBlock>
    </CardBlock>
  );
}

function RuleCard() {
  return (
    <CardBlock>
      <CardHeaderBlock bars={["h-5 w-48", "h-3 w-96 max-w-full"]} />
      <div className="space-y-2 px-5 py-3">
        {Array.from({ length: 2 }, (_, i) => (
          <BlockStack
            key={i}
            bars={["h-4 w-1/2", "h-3 w-1/3", "h-3 w-2/5"]}
            className="space-y-2 rounded-md border border-slate-200 px-3 py-3"
          />
        ))}
      </div>
    </CardBlock>
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
        <CardBlock>
          <CardHeaderBlock bars={["h-5 w-56", "h-3 w-2/3"]} />
          <div className="flex gap-4 border-b border-slate-100 px-5 py-4">
            <Block className="h-9 flex-1" />
            <Block className="h-9 flex-1" />
            <Block className="h-9 flex-1" />
          </div>
          <div className="p-4">
            <TableRows rows={3} />
          </div>
        </CardBlock>
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
