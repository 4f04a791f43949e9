import type { Route } from "next";
import Link from "next/link";
import { SeverityCount } from "@/components/findings/severity-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { TWorstPlace } from "@/lib/findings/overview";
import type { TFindingsLinker } from "./links";

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
        <Table className="[&_tbody_tr:hover]:bg-slate-50/60">
          <thead>
            <tr>
              <Th>{byNamespace ? "Namespace" : "Cluster"}</Th>
              <Th className="w-16 text-right">Crit.</Th>
              <Th className="w-16 text-right">High</Th>
              <Th className="w-16 text-right">Open</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {places.map((p) => {
              const where = {
                cluster: [p.cluster.slug],
                ...(p.namespace !== null ? { namespace: [p.namespace] } : {}),
              };
              // The rollup leaves a severity nobody has as null rather than 0.
              const critical = p.critical ?? 0;
              const high = p.high ?? 0;
              return (
                <tr key={`${p.cluster.slug}/${p.namespace ?? ""}`}>
                  <Td className="max-w-0 py-2.5">
                    <Link
                      href={link(where) as Route}
                      className="block truncate font-medium text-slate-900 hover:text-brand-700"
                    >
                      {p.namespace ?? p.cluster.name}
                    </Link>
                    <p className="truncate text-xs text-slate-500">
                      {p.namespace !== null ? p.cluster.name : <span className="font-mono">{p.cluster.slug}</span>}
                    </p>
                  </Td>
                  <Td className="py-2.5 text-right">
                    <Link href={link({ ...where, severity: ["critical"] }) as Route} className="hover:underline">
                      <SeverityCount severity="critical" count={critical} />
                    </Link>
                  </Td>
                  <Td className="py-2.5 text-right">
                    <Link href={link({ ...where, severity: ["high"] }) as Route} className="hover:underline">
                      <SeverityCount severity="high" count={high} />
                    </Link>
                  </Td>
                  <Td className="py-2.5 text-right">
                    <Link
                      href={link(where) as Route}
                      className="font-medium tabular-nums text-slate-900 hover:underline"
                    >
                      {p.open.toLocaleString("en-US")}
                    </Link>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
