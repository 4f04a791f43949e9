import { json, readJson, withApi } from "@/lib/api/http";
import { slaContextForPrincipal } from "@/lib/sla/context";
import { getSlaPolicies } from "@/lib/sla/queries";
import { ZSlaPolicy } from "@/lib/sla/schemas";
import { setOrgSlaPolicy } from "@/lib/sla/set-org-sla-policy";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/sla: the org's due days per severity (`orgIsDefault` while it has saved none) and
 * the teams' own stricter ones (a member sees their own teams').
 */
export const GET = withApi(
  async ({ org, principal }) => {
    const ctx = slaContextForPrincipal(org.id, principal);
    const policies = await getSlaPolicies(org.id, ctx.visibleTeamIds ? { teamIds: ctx.visibleTeamIds } : {});
    return json({ data: policies });
  },
  { permission: "org:read" },
);

/** PUT /api/v1/sla {critical, high, medium, low}: the org's policy (days, null: no SLA). Admin tokens. */
export const PUT = withApi(
  async ({ req, org, principal }) => {
    const input = await readJson(req, ZSlaPolicy);
    const policy = await setOrgSlaPolicy(slaContextForPrincipal(org.id, principal), input);
    return json({ data: policy });
  },
  { permission: "org:settings:manage" },
);
