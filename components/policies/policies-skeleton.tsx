import { Block, BlockStack, CardBlock, CardHeaderBlock, Rows, Skeleton } from "@/components/ui/skeleton";

function TableCard({ rows }: { rows: number }) {
  return (
    <CardBlock>
      <CardHeaderBlock bars={["h-5 w-32", "h-3 w-48"]} />
      <div className="border-b border-slate-100 bg-slate-50 px-4 py-3">
        <Block className="h-3 w-2/3" />
      </div>
      <Rows count={rows} className="flex items-center gap-6 px-4 py-3">
        <BlockStack bars={["h-4 w-1/3", "h-3 w-1/4"]} />
        <Block className="h-5 w-14" />
        <Block className="size-4" />
        <Block className="h-8 w-28" />
        <Block className="size-4" />
        <Block className="size-4" />
        <Block className="h-4 w-8" />
      </Rows>
    </CardBlock>
  );
}

/**
 * A Policies tab while it loads (the header and tabs stay): "checks" the mode card and check
 * tables, "table" one list (teams, exemptions).
 */
export function PoliciesSkeleton({ variant = "checks" }: { variant?: "checks" | "table" }) {
  return (
    <Skeleton label="Loading…" className="space-y-6">
      {variant === "checks" ? (
        <>
          <BlockStack
            bars={["h-5 w-40", "h-3 w-3/4"]}
            className="space-y-2 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm"
          />
          <TableCard rows={6} />
          <TableCard rows={3} />
        </>
      ) : (
        <TableCard rows={4} />
      )}
    </Skeleton>
  );
}
