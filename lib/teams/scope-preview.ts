import type { TScopeRule } from "@/lib/domain/scope-rules";
import { ownerResolver, scopeIncludes, type TScopedResource } from "@/lib/domain/team-scope";
import {
  compareResources,
  groupByClusterAndNamespace,
  isNamespaceKind,
  type TClusterGroup,
  type TResourceRef,
} from "./resource-groups";

// What a team would own with draft scope rules, before they are saved. Pure: the caller loads
// the org's teams and resources, so this is unit-tested without a database and never writes.

export type TPreviewTeam = { id: string; slug: string; name: string; priority: number; rules: readonly TScopeRule[] };

/** A resource with its cluster's slug; `labels` are its own, namespace labels are merged here. */
export type TPreviewResource = TResourceRef & { labels: Readonly<Record<string, string>> };

export type TTeamRef = { slug: string; name: string };

export type TPreviewItem = TResourceRef & {
  status: "owned" | "taken";
  /** The higher-priority team that owns what the draft rules include. */
  takenBy: TTeamRef | null;
  /** Owned with the draft rules but not with the saved ones. */
  gained: boolean;
};

export type TLostItem = TResourceRef & { nextOwner: TTeamRef | null };

export type TKindCounts = { namespaces: number; workloads: number };

export type TScopePreview = {
  /** Non-removed resources the org knows of. */
  knownResources: number;
  owned: TKindCounts;
  taken: TKindCounts;
  gained: number;
  lost: number;
  /** Owned and taken items, the first `limit` of them in display order. */
  groups: TClusterGroup<TPreviewItem>[];
  shown: number;
  /** Resources owned with the saved rules that the draft gives away, the first `lostLimit`. */
  lostItems: TLostItem[];
};

export const PREVIEW_LIMIT = 200;
export const PREVIEW_LOST_LIMIT = 50;

/** Workload labels win over the labels of their namespace, as in reassignResourceOwners. */
export function toScopedResources<T extends TPreviewResource>(resources: readonly T[]): (T & TScopedResource)[] {
  const namespaceLabels = new Map(
    resources.filter((r) => isNamespaceKind(r.kind)).map((r) => [`${r.cluster}/${r.name}`, r.labels]),
  );
  return resources.map((r) => ({
    ...r,
    labels: { ...namespaceLabels.get(`${r.cluster}/${r.namespace}`), ...r.labels },
  }));
}

const bump = (counts: TKindCounts, kind: string) => {
  if (isNamespaceKind(kind)) counts.namespaces += 1;
  else counts.workloads += 1;
};

export function computeScopePreview(input: {
  teamId: string;
  draftRules: readonly TScopeRule[];
  teams: readonly TPreviewTeam[];
  resources: readonly TPreviewResource[];
  limit?: number;
  lostLimit?: number;
}): TScopePreview {
  const { teamId, draftRules, teams } = input;
  const limit = input.limit ?? PREVIEW_LIMIT;
  const lostLimit = input.lostLimit ?? PREVIEW_LOST_LIMIT;
  const teamById = new Map(teams.map((t) => [t.id, { slug: t.slug, name: t.name }]));
  const savedOwner = ownerResolver(teams);
  const draftOwner = ownerResolver(teams.map((t) => (t.id === teamId ? { ...t, rules: draftRules } : t)));

  const owned: TKindCounts = { namespaces: 0, workloads: 0 };
  const taken: TKindCounts = { namespaces: 0, workloads: 0 };
  let gained = 0;
  const items: TPreviewItem[] = [];
  const lostItems: TLostItem[] = [];
  for (const r of toScopedResources(input.resources)) {
    const ref: TResourceRef = { cluster: r.cluster, namespace: r.namespace, kind: r.kind, name: r.name };
    const before = savedOwner(r);
    const after = draftOwner(r);
    if (before === teamId && after !== teamId) {
      lostItems.push({ ...ref, nextOwner: after ? (teamById.get(after) ?? null) : null });
    }
    if (!scopeIncludes(draftRules, r)) continue;
    if (after === teamId) {
      bump(owned, r.kind);
      if (before !== teamId) gained += 1;
      items.push({ ...ref, status: "owned", takenBy: null, gained: before !== teamId });
    } else {
      // The draft includes it, so only a team sorted before this one can own it.
      bump(taken, r.kind);
      items.push({ ...ref, status: "taken", takenBy: after ? (teamById.get(after) ?? null) : null, gained: false });
    }
  }
  const shownItems = items.sort(compareResources).slice(0, limit);
  return {
    knownResources: input.resources.length,
    owned,
    taken,
    gained,
    lost: lostItems.length,
    groups: groupByClusterAndNamespace(shownItems),
    shown: shownItems.length,
    lostItems: lostItems.sort(compareResources).slice(0, lostLimit),
  };
}
