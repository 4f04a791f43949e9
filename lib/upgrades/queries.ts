import "server-only";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";
import type { TRawFindingObject } from "@/lib/findings/get-finding";
import { pool } from "@/lib/server/db";
import {
  compareMinor,
  deprecationStatus,
  isMajorBehind,
  parseMinorVersion,
  type TDeprecationStatus,
} from "./kubernetes-version";

// Pluto (deprecated APIs) and Nova (outdated Helm charts and images) findings, per cluster, as the
// caller's teams see them. These lists are short (objects and releases, not CVEs), so they are read
// whole, up to a bound the page says when it is reached.

export const UPGRADE_ROWS_MAX = 1000;

export type TUpgradeOptions = { includeTriaged?: boolean };

export type TClusterRef = { id: string; slug: string; name: string; kubernetesVersion: string | null };
type TTeamRef = { slug: string; name: string } | null;
type TState = "open" | "snoozed" | "resolved";

export type TDeprecatedApi = {
  findingId: string;
  namespace: string;
  kind: string;
  name: string;
  apiVersion: string;
  replacementApi: string;
  deprecatedIn: string;
  removedIn: string;
  component: string;
  state: TState;
  team: TTeamRef;
  status: TDeprecationStatus;
};

export type TClusterDeprecations = {
  cluster: TClusterRef;
  items: TDeprecatedApi[];
  /** The first Kubernetes version the cluster cannot upgrade to until objects are changed. */
  blockedUpgrade: { version: string; objects: number } | null;
  alreadyRemoved: number;
};

type TFindingRow = TRawFindingObject & {
  id: string;
  check_id: string;
  state: TState;
  evidence: Record<string, unknown>;
  team_slug: string | null;
  team_name: string | null;
};

const statesOf = (o: TUpgradeOptions) => (o.includeTriaged ? ["open", "snoozed", "resolved"] : ["open"]);
const str = (v: unknown) => (typeof v === "string" ? v : "");

async function findingsOf(
  scope: TFindingScope,
  source: string,
  options: TUpgradeOptions,
  extra = "",
): Promise<{ rows: TFindingRow[]; truncated: boolean }> {
  const params: unknown[] = [source, statesOf(options)];
  const visible = scopeCondition(scope, "f", params);
  params.push(UPGRADE_ROWS_MAX + 1);
  const { rows } = await pool.query<TFindingRow>(
    `SELECT f.id, f.cluster_id, c.slug AS cluster_slug, c.name AS cluster_name, c.kubernetes_version,
            f.namespace, f.kind, f.name, f.container, f.check_id, f.state, f.evidence,
            t.slug AS team_slug, t.name AS team_name
       FROM findings f
       JOIN clusters c ON c.id = f.cluster_id
       LEFT JOIN teams t ON t.id = f.owner_team_id
      WHERE ${visible} AND f.source = $1 AND f.state = ANY($2::finding_state[]) ${extra}
      ORDER BY c.name, c.id, f.namespace, f.name, f.id
      LIMIT $${params.length}`,
    params,
  );
  return { rows: rows.slice(0, UPGRADE_ROWS_MAX), truncated: rows.length > UPGRADE_ROWS_MAX };
}

const clusterOf = (r: TFindingRow): TClusterRef => ({
  id: r.cluster_id,
  slug: r.cluster_slug,
  name: r.cluster_name,
  kubernetesVersion: r.kubernetes_version,
});
const teamOf = (r: TFindingRow): TTeamRef =>
  r.team_slug && r.team_name ? { slug: r.team_slug, name: r.team_name } : null;

function byCluster<T>(
  rows: readonly TFindingRow[],
  map: (r: TFindingRow) => T,
): { cluster: TClusterRef; items: T[] }[] {
  const groups = new Map<string, { cluster: TClusterRef; items: T[] }>();
  for (const r of rows) {
    const group = groups.get(r.cluster_id) ?? { cluster: clusterOf(r), items: [] };
    group.items.push(map(r));
    groups.set(r.cluster_id, group);
  }
  return [...groups.values()];
}

const STATUS_ORDER = { removed: 0, blocks: 1, deprecated: 2 } as const;

/**
 * Objects written with deprecated or removed API versions (Pluto), per cluster, most urgent first:
 * already removed in the cluster's version, then by the version that removes them.
 */
export async function listDeprecatedApis(
  scope: TFindingScope,
  options: TUpgradeOptions = {},
): Promise<{ clusters: TClusterDeprecations[]; truncated: boolean }> {
  const { rows, truncated } = await findingsOf(scope, "pluto", options);
  const clusters = byCluster(rows, (r): TDeprecatedApi => {
    const e = r.evidence;
    const lifecycle = {
      deprecatedIn: str(e.deprecatedIn),
      removedIn: str(e.removedIn),
      component: str(e.component),
      removed: e.removed === true,
    };
    return {
      findingId: r.id,
      namespace: r.namespace,
      kind: str(e.kind) || r.kind,
      name: r.name,
      apiVersion: str(e.apiVersion),
      replacementApi: str(e.replacementApi),
      ...lifecycle,
      state: r.state,
      team: teamOf(r),
      status: deprecationStatus(lifecycle, r.kubernetes_version),
    };
  }).map(({ cluster, items }) => {
    const removal = (i: TDeprecatedApi) => parseMinorVersion(i.removedIn);
    items.sort(
      (a, b) =>
        STATUS_ORDER[a.status.kind] - STATUS_ORDER[b.status.kind] ||
        (removal(a) && removal(b) ? compareMinor(removal(a)!, removal(b)!) : 0) ||
        a.kind.localeCompare(b.kind) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
    const blocking = items.filter((i) => i.status.kind === "blocks" && removal(i));
    const first = blocking[0] && removal(blocking[0])!;
    return {
      cluster,
      items,
      blockedUpgrade: first
        ? {
            version: `${first.major}.${first.minor}`,
            objects: blocking.filter((i) => compareMinor(removal(i)!, first) === 0).length,
          }
        : null,
      alreadyRemoved: items.filter((i) => i.status.kind === "removed").length,
    };
  });
  return { clusters, truncated };
}

export type THelmRelease = {
  findingId: string;
  namespace: string;
  release: string;
  chart: string;
  installed: { version: string; appVersion: string };
  latest: { version: string; appVersion: string };
  deprecated: boolean;
  outdated: boolean;
  majorBehind: boolean;
  state: TState;
  team: TTeamRef;
};

const versionInfo = (v: unknown) => {
  const o = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  return { version: str(o.version), appVersion: str(o.appVersion) };
};

/** Helm releases whose chart is outdated or deprecated (Nova), per cluster; deprecated charts first. */
export async function listOutdatedHelmReleases(
  scope: TFindingScope,
  options: TUpgradeOptions = {},
): Promise<{ clusters: { cluster: TClusterRef; items: THelmRelease[] }[]; truncated: boolean }> {
  const { rows, truncated } = await findingsOf(scope, "nova", options, `AND f.kind = 'HelmRelease'`);
  const clusters = byCluster(rows, (r): THelmRelease => {
    const installed = versionInfo(r.evidence.installed);
    const latest = versionInfo(r.evidence.latest);
    return {
      findingId: r.id,
      namespace: r.namespace,
      release: r.name,
      chart: str(r.evidence.chartName) || r.name,
      installed,
      latest,
      deprecated: r.evidence.deprecated === true,
      outdated: r.evidence.outdated === true,
      majorBehind: isMajorBehind(installed.version, latest.version),
      state: r.state,
      team: teamOf(r),
    };
  });
  for (const c of clusters) {
    c.items.sort((a, b) => Number(b.deprecated) - Number(a.deprecated) || a.release.localeCompare(b.release));
  }
  return { clusters, truncated };
}

export type TOutdatedImage = {
  image: string;
  current: string;
  latest: string;
  latestMinor: string;
  latestPatch: string;
  majorBehind: boolean;
  workloads: { findingId: string; namespace: string; kind: string; name: string; container: string; team: TTeamRef }[];
};

/** Container images with newer releases (Nova), per cluster, one row per image and version with its workloads. */
export async function listOutdatedImages(
  scope: TFindingScope,
  options: TUpgradeOptions = {},
): Promise<{ clusters: { cluster: TClusterRef; items: TOutdatedImage[] }[]; truncated: boolean }> {
  const { rows, truncated } = await findingsOf(scope, "nova", options, `AND f.check_id = 'container-image-outdated'`);
  const clusters = byCluster(rows, (r) => r).map(({ cluster, items }) => {
    const images = new Map<string, TOutdatedImage>();
    for (const r of items) {
      const e = r.evidence;
      const key = `${str(e.image)}\u0000${str(e.currentVersion)}`;
      const image = images.get(key) ?? {
        image: str(e.image),
        current: str(e.currentVersion),
        latest: str(e.latestVersion),
        latestMinor: str(e.latestMinorVersion),
        latestPatch: str(e.latestPatchVersion),
        majorBehind: isMajorBehind(str(e.currentVersion), str(e.latestVersion)),
        workloads: [],
      };
      // Without affected workloads (older Nova) the finding is about the image itself.
      if (r.kind !== "ContainerImage") {
        image.workloads.push({
          findingId: r.id,
          namespace: r.namespace,
          kind: r.kind,
          name: r.name,
          container: r.container,
          team: teamOf(r),
        });
      }
      images.set(key, image);
    }
    return { cluster, items: [...images.values()].sort((a, b) => a.image.localeCompare(b.image)) };
  });
  return { clusters, truncated };
}

/** Which of Pluto and Nova the org's clusters have sent, to tell "nothing found" from "nothing sent". */
export async function upgradeReportsSent(orgId: string): Promise<{ pluto: boolean; nova: boolean }> {
  const { rows } = await pool.query<{ type: string }>(
    `SELECT DISTINCT type FROM reports WHERE org_id = $1 AND type IN ('pluto', 'nova') AND status = 'processed'`,
    [orgId],
  );
  const types = new Set(rows.map((r) => r.type));
  return { pluto: types.has("pluto"), nova: types.has("nova") };
}
