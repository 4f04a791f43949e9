import { Block, BlockStack, Skeleton, TabsBlock } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";

function Shell({ className, children }: { className?: string; children?: React.ReactNode }) {
  return <div className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)}>{children}</div>;
}

/** A card of rows: its title's bar over `lines` full-width bars of the class `line`. */
function ListShell({
  className,
  title,
  lines,
  line,
}: {
  className: string;
  title: string;
  lines: number;
  line: string;
}) {
  return (
    <Shell className={className}>
      <Block className={cn("h-5", title)} />
      {Array.from({ length: lines }, (_, i) => (
        <Block key={i} className={cn(line, "w-full")} />
      ))}
    </Shell>
  );
}

/**
 * The cost pages' shape while their figures load: header, tabs, then tiles, a chart and a table
 * ("overview"), or a list ("list"), so nothing jumps when the content arrives.
 */
export function CostSkeleton({ variant = "overview" }: { variant?: "overview" | "list" | "form" }) {
  return (
    <Skeleton label="Loading cost…">
      {variant !== "form" ? (
        <>
          <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
            <BlockStack bars={["h-8 w-48", "h-4 w-96 max-w-full"]} className="space-y-2" />
            {variant === "overview" ? <Block className="h-8 w-[34rem] max-w-full" /> : null}
          </div>
          <TabsBlock widths={["w-16", "w-20", "w-16"]} />
        </>
      ) : null}
      {variant === "overview" ? (
        <div className="space-y-6">
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Shell key={i} className="h-[102px] p-4">
                <Block className="h-4 w-24" />
                <Block className="mt-3 h-7 w-28" />
              </Shell>
            ))}
          </div>
          <Shell className="h-[380px]">
            <Block className="h-5 w-32" />
            <Block className="mt-8 h-[260px] w-full" />
          </Shell>
          <ListShell className="h-72" title="w-24" lines={5} line="mt-5 h-4" />
        </div>
      ) : (
        <ListShell className="h-96" title="w-40" lines={6} line="mt-6 h-5" />
      )}
    </Skeleton>
  );
}
