import "server-only";
import { db } from "@/lib/server/db";
import { effectiveSlaPolicy } from "./policy-rules";
import { POLICY_COLUMNS, policyOfRow } from "./policy-rows";
import { DEFAULT_SLA_POLICY, type TSlaPolicy } from "./schemas";

export type TTeamSlaPolicy = { teamId: string; teamSlug: string; teamName: string; policy: TSlaPolicy };

export type TSlaPolicies = {
  /** The org's policy, or the built-in defaults while it has saved none. */
  org: TSlaPolicy;
  orgIsDefault: boolean;
  /** Teams with a policy of their own (null per severity: as the org's), by name. */
  teams: TTeamSlaPolicy[];
};

/** The org's SLA policy and every team's own. */
export async function getSlaPolicies(
  orgId: string,
  options: { teamIds?: readonly string[] } = {},
): Promise<TSlaPolicies> {
  const rows = await db.slaPolicy.findMany({
    where: { orgId, ...(options.teamIds ? { OR: [{ teamId: null }, { teamId: { in: [...options.teamIds] } }] } : {}) },
    select: { teamId: true, ...POLICY_COLUMNS, team: { select: { slug: true, name: true } } },
  });
  const orgRow = rows.find((r) => r.teamId === null);
  const teams = rows
    .filter((r) => r.teamId !== null && r.team)
    .map((r) => ({ teamId: r.teamId!, teamSlug: r.team!.slug, teamName: r.team!.name, policy: policyOfRow(r) }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
  return { org: orgRow ? policyOfRow(orgRow) : { ...DEFAULT_SLA_POLICY }, orgIsDefault: !orgRow, teams };
}

export type TEffectiveSla = {
  /** The days that apply (the stricter of the org's and the team's own). */
  policy: TSlaPolicy;
  org: TSlaPolicy;
  orgIsDefault: boolean;
  /** The team's own values (null: none), or null when the team has no policy (or no team was asked). */
  team: TSlaPolicy | null;
};

/** The SLA that applies to a team's findings (teamId null: unassigned findings, the org's). */
export async function getEffectiveSla(orgId: string, teamId: string | null): Promise<TEffectiveSla> {
  const rows = await db.slaPolicy.findMany({
    where: { orgId, OR: [{ teamId: null }, ...(teamId ? [{ teamId }] : [])] },
    select: { teamId: true, ...POLICY_COLUMNS },
  });
  const orgRow = rows.find((r) => r.teamId === null);
  const teamRow = teamId ? rows.find((r) => r.teamId === teamId) : undefined;
  const org = orgRow ? policyOfRow(orgRow) : { ...DEFAULT_SLA_POLICY };
  const team = teamRow ? policyOfRow(teamRow) : null;
  return { policy: effectiveSlaPolicy(org, team), org, orgIsDefault: !orgRow, team };
}
