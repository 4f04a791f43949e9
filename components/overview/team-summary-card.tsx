import { Card, CardHeader } from "@/components/ui/card";

/** A team's size and the viewer's role on it, beside what it owns. */
export function TeamSummaryCard({ items }: { items: { label: string; value: string }[] }) {
  return (
    <Card className="self-start">
      <CardHeader title="At a glance" />
      <div className="grid grid-cols-2 divide-slate-100 [&>div:nth-child(-n+2)]:border-b [&>div:nth-child(odd)]:border-r [&>div]:border-slate-100">
        {items.map((item) => (
          <div key={item.label} className="px-5 py-4">
            <p className="text-sm text-slate-500">{item.label}</p>
            <p className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{item.value}</p>
          </div>
        ))}
      </div>
    </Card>
  );
}
