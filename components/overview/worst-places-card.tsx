import type { Route } from "next";
import Link from "next/link";
import { SeverityCount } from "@/components/findings/severity-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import type { TWorstPlace } from "@/lib/findings/overview";
import type { TFindingsLinker } from "./links";

const whereOf = (p: TWorstPlace) => ({
  cluster: [p.cluster.slug],
  ...(p.namespace !== null ? { namespace: [p.namespace] } : {}),
});

/** Where the worst open findings are: clusters, or namespaces within them. */
export function WorstPlacesCard({
  title,
  places,
  link,
}: {
  title: string;
  places: TWorstPlace[];
  link: TFindingsLinker;
}) {
  const byNamespace = places.some((p) => p.namespace !== null);
  return (
    <Card className="h-full">
      <CardHeader title={title} />
      {places.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No open findings.</p>
      ) : (
        <DataTable
          rows={places}
          rowKey={(p) => `${p.cluster.slug}/${p.namespace ?? ""}`}
          rowProps={() => ({ className: "hover:bg-slate-50/60" })}
          columns={[
            {
              key: "place",
              header: byNamespace ? "Namespace" : "Cluster",
              className: "max-w-0 py-2.5",
              cell: (p) => (
                <>
                  <Link
                    href={link(whereOf(p)) as Route}
                    className="block truncate font-medium text-slate-900 hover:text-brand-700"
                  >
                    {p.namespace ?? p.cluster.name}
                  </Link>
                  <p className="truncate text-xs text-slate-500">
                    {p.namespace !== null ? p.cluster.name : <span className="font-mono">{p.cluster.slug}</span>}
                  </p>
                </>
              ),
            },
            ...(["critical", "high"] as const).map((severity): TColumn<TWorstPlace> => ({
              key: severity,
              header: severity === "critical" ? "Crit." : "High",
              align: "right",
              headerClassName: "w-16",
              className: "py-2.5",
              cell: (p) => (
                <Link href={link({ ...whereOf(p), severity: [severity] }) as Route} className="hover:underline">
                  {/* The rollup leaves a severity nobody has as null rather than 0. */}
                  <SeverityCount severity={severity} count={p[severity] ?? 0} />
                </Link>
              ),
            })),
            {
              key: "open",
              header: "Open",
              align: "right",
              headerClassName: "w-16",
              className: "py-2.5",
              cell: (p) => (
                <Link
                  href={link(whereOf(p)) as Route}
                  className="font-medium tabular-nums text-slate-900 hover:underline"
                >
                  {p.open.toLocaleString("en-US")}
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
