import { ciPolicy } from "@/lib/ci/policy-for-ci";
import { ZRepository } from "@/lib/ci/schemas";
import { AppError } from "@/lib/server/errors";
import { json, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/policies[?repository=acme/payments]: the effective policy settings (for the team
 * owning the repository, when given) and the resolutions made in the app, for `bumpers check --server`.
 */
export const GET = withApi(
  async ({ url, org }) => {
    const raw = url.searchParams.get("repository");
    const repository = raw ? ZRepository.safeParse(raw) : null;
    if (repository && !repository.success)
      throw new AppError("bad_request", repository.error.issues[0].message, { field: "repository" });
    return json(await ciPolicy(org.id, repository?.data ?? null));
  },
  { permission: "org:read", tokenKinds: ["org_read", "org_admin", "ci"] },
);
