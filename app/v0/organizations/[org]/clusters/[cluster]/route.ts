import { ensureFleetCluster, findFleetCluster, authenticateFleetRequest } from "@/lib/clusters/fleet-install";
import { notFound } from "@/lib/server/errors";
import { json, withErrors } from "@/lib/api/http";

type TParams = { org: string; cluster: string };

/** Fleet install: does the cluster exist, and (with ?showToken=true) its agent token. */
export const GET = withErrors<TParams>(async (req, _requestId, params) => {
  const principal = await authenticateFleetRequest(req, params.org);
  const showToken = new URL(req.url).searchParams.get("showToken") === "true";
  const cluster = await findFleetCluster(principal, params.cluster, { showToken });
  if (!cluster) throw notFound("Cluster not found.");
  return json(cluster);
});

/** Fleet install: creates the cluster (or finds it) and answers its agent token. The chart sends no body. */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  const principal = await authenticateFleetRequest(req, params.org);
  return json(await ensureFleetCluster(principal, params.cluster));
});
