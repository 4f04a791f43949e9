import type { ReactNode } from "react";
import type { TClusterGroup, TResourceRef } from "@/lib/teams/resource-groups";

/**
 * Namespaces and workloads grouped by cluster, then namespace. `aside` renders what goes on the
 * right of an item (a status badge); without it the tree is a plain listing.
 */
export function ResourceTree<T extends TResourceRef>({
  groups,
  aside,
}: {
  groups: TClusterGroup<T>[];
  aside?: (item: T) => ReactNode;
}) {
  return (
    <div className="space-y-5">
      {groups.map((cluster) => (
        <section key={cluster.cluster} aria-label={`Cluster ${cluster.cluster}`}>
          <h3 className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            <span className="size-2 rounded-sm bg-brand-500" aria-hidden />
            {cluster.cluster}
          </h3>
          <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
            {cluster.namespaces.map((ns) => (
              <li key={ns.namespace} className="px-3 py-2">
                <div className="flex items-center justify-between gap-3">
                  <p className="min-w-0 truncate text-sm">
                    <span className="text-xs text-slate-500">Namespace </span>
                    <span className="font-mono font-medium text-slate-900">{ns.namespace}</span>
                    {ns.namespaceItem ? null : (
                      <span className="ml-2 text-xs text-slate-400">(only these workloads)</span>
                    )}
                  </p>
                  {ns.namespaceItem && aside ? <div className="shrink-0">{aside(ns.namespaceItem)}</div> : null}
                </div>
                {ns.workloads.length ? (
                  <ul className="mt-1.5 space-y-1 border-l border-slate-200 pl-3">
                    {ns.workloads.map((w) => (
                      <li key={`${w.kind}/${w.name}`} className="flex items-center justify-between gap-3 text-sm">
                        <span className="flex min-w-0 items-baseline gap-2">
                          <span className="w-20 shrink-0 truncate text-xs text-slate-500">{w.kind}</span>
                          <span className="truncate font-mono text-slate-800" title={w.name}>
                            {w.name}
                          </span>
                        </span>
                        {aside ? <span className="shrink-0">{aside(w)}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
