import { json, readJson, withApi } from "@/lib/api/http";
import { slaContextForPrincipal } from "@/lib/sla/context";
import { getEffectiveSla } from "@/lib/sla/queries";
import { ZSlaPolicy } from "@/lib/sla/schemas";
import { clearTeamSlaPolicy, setTeamSlaPolicy } from "@/lib/sla/set-team-sla-policy";
import { slaTeamBySlug } from "@/lib/sla/team-ref";

export const dynamic = "force-dynamic";

// A team's own SLA policy. Team admins (and org admins, and org admin tokens) change it; the org
// permission here is only membership: the verbs check the team role.

/** GET /api/v1/teams/{team}/sla: the days that apply to the team's findings, the org's and the team's own. */
export const GET = withApi<{ team: string }>(
  async ({ org, principal, params }) => {
    const team = await slaTeamBySlug(slaContextForPrincipal(org.id, principal), params.team);
    const { policy, org: orgPolicy, orgIsDefault, team: own } = await getEffectiveSla(org.id, team.id);
    // `own`: the team's own days (null per severity: as the org's), or null when it has none.
    return json({ data: { team, policy, org: orgPolicy, orgIsDefault, own } });
  },
  { permission: "org:read" },
);

/** PUT /api/v1/teams/{team}/sla {critical, high, medium, low}: days (null: as the org's), only stricter. */
export const PUT = withApi<{ team: string }>(
  async ({ req, org, principal, params }) => {
    const ctx = slaContextForPrincipal(org.id, principal);
    const team = await slaTeamBySlug(ctx, params.team);
    const input = await readJson(req, ZSlaPolicy);
    return json({ data: { team, policy: await setTeamSlaPolicy(ctx, team.id, input) } });
  },
  { permission: "org:read" },
);

/** DELETE /api/v1/teams/{team}/sla: the team follows the org's policy again. */
export const DELETE = withApi<{ team: string }>(
  async ({ org, principal, params }) => {
    const ctx = slaContextForPrincipal(org.id, principal);
    const team = await slaTeamBySlug(ctx, params.team);
    return json({ data: { team, ...(await clearTeamSlaPolicy(ctx, team.id)) } });
  },
  { permission: "org:read" },
);
