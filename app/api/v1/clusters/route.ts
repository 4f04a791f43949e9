import { tokenHint } from "@/lib/auth/tokens";
import { createCluster } from "@/lib/clusters/create-cluster";
import { listClusters } from "@/lib/clusters/queries";
import { ZNewCluster } from "@/lib/clusters/schemas";
import { json, listResponse, parseListParams, readJson, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = withApi(
  async ({ url, org }) => {
    const { limit, cursor } = parseListParams(url);
    const { clusters, nextCursor } = await listClusters(org.id, { limit, cursor });
    return listResponse(
      clusters.map(({ agentToken, ...c }) => ({
        ...c,
        agentToken: agentToken ? { hint: agentToken.hint, lastUsedAt: agentToken.lastUsedAt } : null,
      })),
      nextCursor,
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
