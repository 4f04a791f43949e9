// Namespaces and workloads are shown grouped by cluster, then namespace, in a stable order.
// Pure, so the scope preview and the owned-resources query group the same way.

export type TResourceRef = { cluster: string; namespace: string; kind: string; name: string };

export type TNamespaceGroup<T extends TResourceRef> = {
  namespace: string;
  /** The Namespace object itself, when it is in the list. */
  namespaceItem: T | null;
  workloads: T[];
};

export type TClusterGroup<T extends TResourceRef> = { cluster: string; namespaces: TNamespaceGroup<T>[] };

export const NAMESPACE_KIND = "Namespace";

export const isNamespaceKind = (kind: string) => kind === NAMESPACE_KIND;

const collator = new Intl.Collator("en", { numeric: true });

/** Cluster, namespace, the Namespace object before its workloads, then kind and name. */
export function compareResources(a: TResourceRef, b: TResourceRef): number {
  return (
    collator.compare(a.cluster, b.cluster) ||
    collator.compare(a.namespace, b.namespace) ||
    Number(!isNamespaceKind(a.kind)) - Number(!isNamespaceKind(b.kind)) ||
    collator.compare(a.kind, b.kind) ||
    collator.compare(a.name, b.name)
  );
}

export function groupByClusterAndNamespace<T extends TResourceRef>(items: readonly T[]): TClusterGroup<T>[] {
  const clusters: TClusterGroup<T>[] = [];
  for (const item of [...items].sort(compareResources)) {
    let cluster = clusters.at(-1);
    if (cluster?.cluster !== item.cluster) {
      cluster = { cluster: item.cluster, namespaces: [] };
      clusters.push(cluster);
    }
    let ns = cluster.namespaces.at(-1);
    if (ns?.namespace !== item.namespace) {
      ns = { namespace: item.namespace, namespaceItem: null, workloads: [] };
      cluster.namespaces.push(ns);
    }
    if (isNamespaceKind(item.kind)) ns.namespaceItem = item;
    else ns.workloads.push(item);
  }
  return clusters;
}
