import "server-only";
import type { PoolClient } from "pg";
import type { TParsedImage, TParsedVulnerability } from "../parsers/types";
import { severityLabel } from "@/lib/domain/severity";
import { applyFindings, type TFindingRow, type TLifecycleCounts, type TReportContext } from "./apply-findings";
import { refreshFindingOwners } from "./finding-owners";
import { ensureResources, resourceKey } from "./resources";

export type TImageCounts = TLifecycleCounts & { images: number; vulnerabilities: number };

/** The digest identifies an image's content; without one, the name is the best identity left. */
export function imageKey(image: Pick<TParsedImage, "name" | "digest">): string {
  return image.digest || image.name;
}

function packagesRemediation(packages: readonly TParsedVulnerability[]): string {
  const fixable = packages.filter((p) => p.fixedVersion);
  if (fixable.length === 0) {
    return "No fixed version is published yet. Check whether the vulnerable package is used at all, use a smaller base image without it, or accept the risk until a fix ships.";
  }
  const steps = fixable.map((p) => `${p.packageName || "the package"} ${p.installedVersion} → ${p.fixedVersion}`);
  return `Rebuild the image with ${steps.join(", ")} (often a newer base image tag does it), then redeploy.`;
}

/**
 * One finding per (image, vulnerability) in the cluster, whatever the number of workloads running
 * it: fixing the image fixes them all, so that is the unit to triage. The packages it affects are
 * the evidence.
 */
function imageFindings(image: TParsedImage, ref: { id: string; key: string }): TFindingRow[] {
  const byVulnerability = new Map<string, TParsedVulnerability[]>();
  for (const v of image.vulnerabilities) {
    const list = byVulnerability.get(v.id);
    if (list) list.push(v);
    else byVulnerability.set(v.id, [v]);
  }
  return [...byVulnerability.values()].map((packages) => {
    const first = packages[0];
    const score = Math.max(...packages.map((p) => p.severity));
    return {
      checkId: first.id,
      category: "security",
      score,
      title: first.title === first.id ? `${first.id} in ${first.packageName || image.name}` : first.title,
      // The long advisory text lives once per vulnerability in the org's catalog.
      description: "",
      remediation: packagesRemediation(packages),
      namespace: "",
      kind: "Image",
      name: image.name,
      container: "",
      image: ref,
      vulnerabilityId: first.id,
      evidence: {
        packages: packages.map((p) => ({ name: p.packageName, installed: p.installedVersion, fixed: p.fixedVersion })),
      },
    };
  });
}

/**
 * A Trivy report: images (once per digest per org), the workloads of this cluster running them,
 * the org's vulnerability catalog, and the findings with their lifecycle.
 */
export async function applyImages(
  client: PoolClient,
  ctx: TReportContext,
  images: readonly TParsedImage[],
): Promise<TImageCounts> {
  const keys = new Map<string, TParsedImage>();
  for (const image of images) keys.set(imageKey(image), image);
  const list = [...keys.entries()];

  const stored = await client.query<{ id: string; key: string }>(
    `INSERT INTO images (org_id, key, name, digest, first_seen_at, last_seen_at)
     SELECT $1, k, n, d, $5, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS u(k, n, d)
     ON CONFLICT (org_id, key) DO UPDATE SET name = EXCLUDED.name, last_seen_at = EXCLUDED.last_seen_at
     RETURNING id, key`,
    [ctx.orgId, list.map(([k]) => k), list.map(([, i]) => i.name), list.map(([, i]) => i.digest), ctx.now],
  );
  const imageIds = new Map(stored.rows.map((r) => [r.key, r.id]));

  // Which workloads run each image: replaced as a whole by every report of the cluster.
  const owners = list.flatMap(([, image]) => image.owners);
  const resourceIds = await ensureResources(client, ctx.orgId, ctx.clusterId, owners);
  const links = { images: [] as string[], resources: [] as string[], containers: [] as string[] };
  for (const [key, image] of list) {
    for (const owner of image.owners) {
      const resourceId = resourceIds.get(resourceKey(owner));
      if (!resourceId) continue;
      links.images.push(imageIds.get(key)!);
      links.resources.push(resourceId);
      links.containers.push(owner.container);
    }
  }
  await client.query(`DELETE FROM image_workloads WHERE cluster_id = $1`, [ctx.clusterId]);
  await client.query(
    `INSERT INTO image_workloads (org_id, cluster_id, image_id, resource_id, container)
     SELECT $1, $2, i, r, c FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS u(i, r, c)
     ON CONFLICT DO NOTHING`,
    [ctx.orgId, ctx.clusterId, links.images, links.resources, links.containers],
  );

  // The vulnerability catalog: written only where the advisory text changed.
  const catalog = new Map<string, TParsedVulnerability>();
  for (const [, image] of list) for (const v of image.vulnerabilities) if (!catalog.has(v.id)) catalog.set(v.id, v);
  const entries = [...catalog.values()];
  await client.query(
    `INSERT INTO vulnerabilities AS v (org_id, vuln_id, title, description, severity, score, "references", updated_at)
     SELECT $1, id, t, d, s::severity_level, sc, r::jsonb, $8
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::real[], $7::text[]) AS u(id, t, d, s, sc, r)
     ON CONFLICT (org_id, vuln_id) DO UPDATE SET
       title = EXCLUDED.title, description = EXCLUDED.description, severity = EXCLUDED.severity,
       score = EXCLUDED.score, "references" = EXCLUDED."references", updated_at = EXCLUDED.updated_at
     WHERE (v.title, v.description, v.score, v."references") IS DISTINCT FROM
           (EXCLUDED.title, EXCLUDED.description, EXCLUDED.score, EXCLUDED."references")`,
    [
      ctx.orgId,
      entries.map((v) => v.id),
      entries.map((v) => v.title),
      entries.map((v) => v.description),
      entries.map((v) => severityLabel(v.severity)),
      entries.map((v) => v.severity),
      entries.map((v) => JSON.stringify(v.references)),
      ctx.now,
    ],
  );

  const rows = list.flatMap(([key, image]) => imageFindings(image, { id: imageIds.get(key)!, key }));
  const counts = await applyFindings(client, ctx, rows, { presentImageIds: [...imageIds.values()] });
  await refreshFindingOwners(client, ctx.orgId, ctx.clusterId);
  return { ...counts, images: list.length, vulnerabilities: entries.length };
}
