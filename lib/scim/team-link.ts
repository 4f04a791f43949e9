import "server-only";
import type { TTeamRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { slugify } from "@/lib/orgs/schemas";
import type { Tx } from "@/lib/server/db";
import { groupPatternMatches, parseTeamRoleGroup } from "@/lib/sso/directory-access";
import type { TScimActor } from "./http";

// Which Bumpers team a new SCIM group manages. In order:
// 1. `<team-slug>/<role>` (the convention directory-access also reads): that team, with that role.
// 2. A group mapping of Settings → Single sign-on matches the name: no team; the mapping already
//    says what the group grants (an org role, a team), and a team per such group would be clutter.
// 3. A team whose slug or name is the group's name (case-insensitive), or whose slug is the name
//    slugified ("Payments Team" → payments-team).
// 4. Otherwise a new team named after the group, with no scope yet (it owns nothing until an
//    admin gives it one), slug made unique.
// The default role of a linked group's members on its team is the column default (editor).

export type TTeamLink = {
  teamId: string | null;
  teamRole?: TTeamRole;
  team?: { id: string; slug: string; name: string; created: boolean };
};

const MAX_SLUG = 40;

export async function teamForGroup(
  tx: Tx,
  scope: { orgId: string; actor: TScimActor },
  displayName: string,
): Promise<TTeamLink> {
  const { orgId } = scope;
  const convention = parseTeamRoleGroup(displayName);
  if (convention) {
    const found = await tx.team.findUnique({ where: { orgId_slug: { orgId, slug: convention.teamSlug } } });
    const team = found
      ? { ...found, created: false }
      : await createTeam(tx, scope, convention.teamSlug, convention.teamSlug.slice(0, MAX_SLUG));
    return { teamId: team.id, teamRole: convention.role, team: pick(team) };
  }
  const mappings = await tx.ssoGroupMapping.findMany({ where: { orgId }, select: { groupName: true } });
  if (mappings.some((m) => groupPatternMatches(m.groupName, displayName))) return { teamId: null };

  const slugified = slugify(displayName);
  const candidates = await tx.team.findMany({
    where: {
      orgId,
      OR: [
        { slug: displayName.toLowerCase() },
        { name: { equals: displayName, mode: "insensitive" } },
        ...(slugified ? [{ slug: slugified }] : []),
      ],
    },
    select: { id: true, slug: true, name: true },
  });
  const rank = (t: { slug: string; name: string }) =>
    t.slug === displayName.toLowerCase() ? 0 : t.name.toLowerCase() === displayName.toLowerCase() ? 1 : 2;
  const existing = candidates.sort((a, b) => rank(a) - rank(b))[0];
  if (existing) return { teamId: existing.id, team: { ...existing, created: false } };

  const base = slugified.length >= 2 ? slugified : slugified ? `${slugified}-team` : "group";
  const team = await createTeam(tx, scope, await freeSlug(tx, orgId, base), displayName.trim().slice(0, 60));
  return { teamId: team.id, team: pick(team) };
}

const pick = (t: { id: string; slug: string; name: string; created: boolean }) => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  created: t.created,
});

async function createTeam(tx: Tx, scope: { orgId: string; actor: TScimActor }, slug: string, name: string) {
  const team = await tx.team.create({ data: { orgId: scope.orgId, slug, name, scopeRules: [] } });
  await recordAudit(tx, {
    orgId: scope.orgId,
    actor: scope.actor,
    action: "team.created",
    target: { type: "team", id: team.id, label: team.name },
    after: { slug: team.slug, name: team.name, priority: team.priority, createdFor: "scim group" },
  });
  return { ...team, created: true };
}

/** `base`, or `base-2`, `base-3`… : the first slug no team of the org has. */
async function freeSlug(tx: Tx, orgId: string, base: string): Promise<string> {
  const stem = base.slice(0, MAX_SLUG - 4).replace(/-+$/, "");
  const taken = new Set(
    (await tx.team.findMany({ where: { orgId, slug: { startsWith: stem } }, select: { slug: true } })).map(
      (t) => t.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const slug = `${stem}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}
