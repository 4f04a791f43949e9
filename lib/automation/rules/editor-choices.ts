import "server-only";
import { isMessageKind } from "@/lib/notifications/schemas";
import { usableBy } from "@/lib/notifications/connections/queries";
import { db } from "@/lib/server/db";

// What the rule editor offers in its pickers, for one list: the people an assign action may name
// (those who can see the list's findings), the org's teams (org rules), the message connections and
// PagerDuty destinations the list's owner may use. The same limits the save checks enforce.

export type TChoice = { id: string; label: string };

export type TEditorChoices = {
  people: TChoice[];
  teams: (TChoice & { slug: string })[];
  connections: (TChoice & { kind: string })[];
  destinations: TChoice[];
};

export async function editorChoices(orgId: string, teamId: string | null): Promise<TEditorChoices> {
  const [members, teamMembers, teams, connections, destinations] = await Promise.all([
    db.membership.findMany({
      where: { orgId },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    }),
    teamId ? db.teamMembership.findMany({ where: { orgId, teamId }, select: { userId: true } }) : Promise.resolve([]),
    db.team.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } }),
    db.notificationConnection.findMany({
      where: { orgId, ...usableBy(teamId) },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, team: { select: { name: true } } },
    }),
    db.alertDestination.findMany({
      where: { orgId, OR: teamId ? [{ teamId: null }, { teamId }] : [{ teamId: null }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, team: { select: { name: true } } },
    }),
  ]);
  const onTeam = new Set(teamMembers.map((m) => m.userId));
  const people = members
    .filter((m) => m.role !== "member" || (teamId !== null && onTeam.has(m.user.id)))
    .map((m) => ({ id: m.user.id, label: `${m.user.name || m.user.email} (${m.user.email})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    people,
    teams: teams.map((t) => ({ id: t.id, label: t.name, slug: t.slug })),
    connections: connections
      .filter((c) => isMessageKind(c.kind))
      .map((c) => ({ id: c.id, label: c.team ? `${c.name} (${c.team.name})` : c.name, kind: c.kind })),
    destinations: destinations.map((d) => ({ id: d.id, label: d.team ? `${d.name} (${d.team.name})` : d.name })),
  };
}

/** Names for describeRule: everything the org's rules may mention (not only what a picker offers). */
export async function ruleNames(orgId: string) {
  const [teams, members, connections, destinations] = await Promise.all([
    db.team.findMany({ where: { orgId }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { orgId }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.notificationConnection.findMany({ where: { orgId }, select: { id: true, name: true } }),
    db.alertDestination.findMany({ where: { orgId }, select: { id: true, name: true } }),
  ]);
  return {
    teams: Object.fromEntries(teams.map((t) => [t.id, t.name])),
    users: Object.fromEntries(members.map((m) => [m.user.id, m.user.name || m.user.email])),
    connections: Object.fromEntries(connections.map((c) => [c.id, c.name])),
    destinations: Object.fromEntries(destinations.map((d) => [d.id, d.name])),
  };
}

/** Plain objects (they cross to client components), turned into describeRule's maps there. */
export type TRuleNameRecords = Awaited<ReturnType<typeof ruleNames>>;
