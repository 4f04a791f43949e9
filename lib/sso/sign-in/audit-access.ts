import "server-only";
import type { Tx } from "@/lib/server/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessChanged, type TAccessChange } from "../directory-access";
import type { TSsoProtocol } from "../schemas";

/** Directory changes are made by the IdP, through Bumpers: the audit log names it so. */
export const SSO_ACTOR = { system: true, label: "SSO" } as const;

/**
 * Audits what a sign-in through SSO changed in the person's access: `member.provisioned` when it
 * created the membership (JIT), `member.directory_synced` when it changed roles or teams of an
 * existing one. Nothing when nothing changed (most sign-ins).
 */
export async function auditAccessChange(
  tx: Tx,
  input: {
    orgId: string;
    user: { id: string; email: string };
    membership: { id: string; role: string };
    protocol: TSsoProtocol;
    change: TAccessChange;
  },
): Promise<void> {
  const { orgId, user, membership, protocol, change } = input;
  if (!accessChanged(change)) return;
  const label = await teamLabels(tx, orgId, user.id, [
    ...change.teamsAdded,
    ...change.teamsChanged,
    ...change.teamsRemoved,
  ]);
  const target = { type: "membership", id: membership.id, label: user.email };
  const granted = [...change.teamsAdded, ...change.teamsChanged].map(label);
  if (change.membership === "created") {
    await recordAudit(tx, {
      orgId,
      actor: SSO_ACTOR,
      action: "member.provisioned",
      target,
      after: { role: membership.role, teams: granted, via: protocol },
    });
    return;
  }
  await recordAudit(tx, {
    orgId,
    actor: SSO_ACTOR,
    action: "member.directory_synced",
    target,
    before: {
      ...(change.orgRole ? { role: change.orgRole.before } : {}),
      ...(change.teamsRemoved.length ? { teams: change.teamsRemoved.map(label) } : {}),
    },
    after: {
      ...(change.orgRole ? { role: change.orgRole.after } : {}),
      ...(granted.length ? { teams: granted } : {}),
      via: protocol,
    },
  });
}

/** "payments: editor" for a team the person is on now, "payments" for one they left. */
async function teamLabels(tx: Tx, orgId: string, userId: string, teamIds: string[]): Promise<(id: string) => string> {
  if (teamIds.length === 0) return (id) => id;
  const teams = await tx.team.findMany({
    where: { orgId, id: { in: teamIds } },
    select: { id: true, slug: true, members: { where: { userId }, select: { role: true } } },
  });
  const byId = new Map(teams.map((t) => [t.id, t.members[0] ? `${t.slug}: ${t.members[0].role}` : t.slug]));
  return (id) => byId.get(id) ?? id;
}
