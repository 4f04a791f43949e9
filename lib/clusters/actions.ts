"use server";

import { z } from "zod";
import { reprocessReport } from "@/lib/ingest/reprocess";
import { orgAction } from "@/lib/api/action";
import { createCluster } from "./create-cluster";
import { deleteCluster } from "./delete-cluster";
import { rotateClusterToken } from "./rotate-cluster-token";
import { ZClusterId, ZDeleteCluster, ZNewCluster } from "./schemas";
import { setStaleClusterHours } from "./set-stale-cluster-hours";
import { ZStaleSetting } from "./stale-setting";

// The cluster list, the overview and the sidebar all show clusters: most changes revalidate the org.
const ORG_LAYOUT = { path: "", type: "layout" } as const;

export const createClusterAction = orgAction(
  { permission: "org:clusters:manage", input: ZNewCluster, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const { cluster, token } = await createCluster(access.org.id, actor, input);
    return { slug: cluster.slug, name: cluster.name, token };
  },
);

export const rotateClusterTokenAction = orgAction(
  { permission: "org:clusters:manage", input: z.object({ clusterId: ZClusterId }), revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const { cluster, secret } = await rotateClusterToken(access.org.id, actor, input.clusterId);
    return { slug: cluster.slug, token: secret };
  },
);

export const deleteClusterAction = orgAction(
  { permission: "org:clusters:manage", input: ZDeleteCluster, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const deleted = await deleteCluster(access.org.id, actor, {
      clusterId: input.clusterId,
      confirmSlug: input.confirm,
    });
    return { slug: deleted.slug };
  },
);

export const reprocessReportAction = orgAction(
  {
    permission: "org:clusters:manage",
    input: z.object({ reportId: z.string().min(1) }),
    revalidate: { path: "/clusters" },
  },
  async ({ input, access, actor }) => {
    const report = await reprocessReport(access.org.id, actor, input.reportId);
    return { type: report.type, clusterSlug: report.clusterSlug };
  },
);

/** The Clusters page and the overview both show staleness. */
export const updateClusterSettingsAction = orgAction(
  { permission: "org:settings:manage", input: ZStaleSetting, revalidate: ORG_LAYOUT },
  ({ input, access, actor }) => setStaleClusterHours(access.org.id, actor, input.staleClusterHours),
);
