import { listAuditLog } from "@/lib/audit/queries";
import { ZAuditFilters } from "@/lib/audit/schemas";
import { listResponse, parseListParams, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = withApi(
  async ({ url, org }) => {
    const { limit, cursor } = parseListParams(url);
    const filters = ZAuditFilters.parse({
      action: url.searchParams.get("action") ?? undefined,
      actor: url.searchParams.get("actor") ?? undefined,
      from: url.searchParams.get("from") ?? undefined,
      to: url.searchParams.get("to") ?? undefined,
    });
    const page = await listAuditLog(org.id, filters, { limit, cursor });
    return listResponse(
      page.data.map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        actor: { label: row.actorLabel, userId: row.actorUserId, tokenId: row.actorTokenId },
        action: row.action,
        target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
        before: row.before,
        after: row.after,
      })),
      page.older,
    );
  },
  { permission: "org:audit:read", tokenKinds: ["org_admin"] },
);
