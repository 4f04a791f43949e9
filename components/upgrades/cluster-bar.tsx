import type { ReactNode } from "react";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import type { TClusterRef } from "@/lib/upgrades/queries";

/** The heading of one cluster's rows inside a card, with facts about it (version, counts). */
export function ClusterBar({ name, children }: { name: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-y border-slate-100 bg-slate-50 px-5 py-2.5">
      <h3 className="text-sm font-semibold text-slate-900">{name}</h3>
      {children}
    </div>
  );
}

/** "3 images": how many rows a cluster has, under its name. */
export function ItemCount({ count, one, many }: { count: number; one: string; many: string }) {
  return (
    <span className="text-xs text-slate-500">
      {count} {count === 1 ? one : many}
    </span>
  );
}

/** One cluster's rows of an upgrades list. */
export type TClusterItems<T> = { cluster: TClusterRef; items: T[] };

type TClusterGroup<T> = { cluster: { id: string; name: string }; items: T[] };

/** One region per cluster: its bar (name and `summary`), then its rows in a table of `columns`. */
export function ClusterGroups<T, G extends TClusterGroup<T>>({
  groups,
  label,
  summary,
  columns,
  rowKey,
  headClassName,
}: {
  groups: readonly G[];
  /** The region's accessible name, from the cluster's name. */
  label: (cluster: string) => string;
  summary: (group: G) => ReactNode;
  columns: readonly TColumn<T>[];
  rowKey: (row: T) => string;
  headClassName?: string;
}) {
  return (
    <div>
      {groups.map((group) => (
        <section key={group.cluster.id} aria-label={label(group.cluster.name)}>
          <ClusterBar name={group.cluster.name}>{summary(group)}</ClusterBar>
          <DataTable valign="top" rows={group.items} rowKey={rowKey} columns={columns} headClassName={headClassName} />
        </section>
      ))}
    </div>
  );
}
