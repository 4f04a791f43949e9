import { withErrors } from "@/lib/api/http";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { AppError } from "@/lib/server/errors";

type TParams = { org: string; cluster: string };

/**
 * The agent asks for the org's Polaris configuration before each audit. Bumpers has none to give
 * yet, so the agent runs Polaris with its built-in defaults (a 404 is what tells it that).
 */
export const GET = withErrors<TParams>(async (req, _requestId, params) => {
  await authenticateClusterRequest(req, params.org, params.cluster);
  throw new AppError(
    "not_found",
    "This organization has no custom Polaris configuration; the agent uses Polaris's default checks.",
  );
});
