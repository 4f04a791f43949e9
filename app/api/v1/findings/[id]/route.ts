import { json, withApi } from "@/lib/api/http";
import { apiFindingScope } from "@/lib/findings/api-scope";
import { getFinding } from "@/lib/findings/get-finding";

export const dynamic = "force-dynamic";

/** GET /api/v1/findings/{id}: one finding with its evidence and history; 404 outside the caller's scope. */
export const GET = withApi<{ id: string }>(
  async ({ org, principal, params }) => {
    const { scope } = apiFindingScope(org.id, principal);
    return json({ data: await getFinding(scope, params.id) });
  },
  { permission: "org:read" },
);
