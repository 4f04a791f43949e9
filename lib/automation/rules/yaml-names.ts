import "server-only";
import { db } from "@/lib/server/db";

// The names a rules file uses instead of ids, so it reads (and diffs) well and moves between
// installations: teams by slug, people by email, connections and destinations by name. An id is
// accepted too, and written where a name would be ambiguous (two connections of one name).

export type TNameDirectory = {
  teams: Directory;
  users: Directory;
  connections: Directory;
  destinations: Directory;
  /** Team slug by id, and team name by id (for the diff). */
  teamSlugs: Map<string, string>;
  teamNames: Map<string, string>;
};

type TEntry = { id: string; name: string };

/** id ↔ name, both ways; a name held by two ids resolves to neither (use the id). */
export class Directory {
  private readonly byId = new Map<string, string>();
  private readonly byName = new Map<string, string | null>();

  constructor(
    entries: readonly TEntry[],
    private readonly caseless = false,
  ) {
    for (const { id, name } of entries) {
      this.byId.set(id, name);
      const key = this.key(name);
      this.byName.set(key, this.byName.has(key) ? null : id);
    }
  }

  private key(name: string) {
    return this.caseless ? name.toLowerCase() : name;
  }

  /** The name to write for an id: its name when unique, else the id itself. */
  nameOf(id: string): string {
    const name = this.byId.get(id);
    return name !== undefined && this.byName.get(this.key(name)) === id ? name : id;
  }

  /** The id a file's value names (a unique name, or an id of this org), or null. */
  idOf(value: string): string | null {
    if (this.byId.has(value)) return value;
    return this.byName.get(this.key(value.trim())) ?? null;
  }
}

export async function loadNameDirectory(orgId: string): Promise<TNameDirectory> {
  const [teams, members, connections, destinations] = await Promise.all([
    db.team.findMany({ where: { orgId }, select: { id: true, slug: true, name: true } }),
    db.membership.findMany({ where: { orgId }, select: { user: { select: { id: true, email: true } } } }),
    db.notificationConnection.findMany({ where: { orgId }, select: { id: true, name: true } }),
    db.alertDestination.findMany({ where: { orgId }, select: { id: true, name: true } }),
  ]);
  return {
    teams: new Directory(teams.map((t) => ({ id: t.id, name: t.slug }))),
    users: new Directory(
      members.map((m) => ({ id: m.user.id, name: m.user.email })),
      true,
    ),
    connections: new Directory(connections),
    destinations: new Directory(destinations),
    teamSlugs: new Map(teams.map((t) => [t.id, t.slug])),
    teamNames: new Map(teams.map((t) => [t.id, t.name])),
  };
}
