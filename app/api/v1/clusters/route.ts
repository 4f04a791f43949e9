import { z } from "zod";
import { tokenHint } from "@/lib/auth/tokens";
import { createCluster } from "@/lib/clusters/create-cluster";
import { listClusters } from "@/lib/clusters/queries";
import { ZNewCluster } from "@/lib/clusters/schemas";
import { decodeCursor, json, listResponse, parseListParams, readJson, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

const ZClusterCursor = z.object({ s: z.string().min(1).max(63) });

export const GET = withApi(
  async ({ url, org }) => {
    const { limit, cursor } = parseListParams(url);
    const after = cursor ? decodeCursor(cursor, ZClusterCursor).s : undefined;
    const { clusters, hasMore } = await listClusters(org.id, { limit, afterSlug: after });
    const last = clusters[clusters.length - 1];
    return listResponse(
      clusters.map(({ agentToken, ...c }) => ({
        ...c,
        agentToken: agentToken ? { hint: agentToken.hint, lastUsedAt: agentToken.lastUsedAt } : null,
      })),
      hasMore && last ? { s: last.slug } : null,
    );
  },
  { permission: "org:clusters:read" },
);

export const POST = withApi(
  async ({ req, org, actor }) => {
    const input = await readJson(req, ZNewCluster);
    const { cluster, token } = await createCluster(org.id, actor, input);
    return json(
      {
        data: {
          id: cluster.id,
          slug: cluster.slug,
          name: cluster.name,
          kubernetesVersion: cluster.kubernetesVersion,
          createdAt: cluster.createdAt,
          agentToken: { token, hint: tokenHint(token) },
        },
      },
      { status: 201 },
    );
  },
  { permission: "org:clusters:manage", tokenKinds: ["org_admin"] },
);
