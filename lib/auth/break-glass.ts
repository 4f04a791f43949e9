import "server-only";
import { db } from "@/lib/server/db";

/**
 * An owner signing in with a password while their org enforces SSO is using the break-glass door
 * (meant for repairing SSO): one audit row `sso.break_glass_sign_in` per such org, written when
 * the password was accepted. Returns how many rows were written.
 *
 * One INSERT … SELECT rather than recordAudit (lib/audit), which imports lib/auth's actor type:
 * lib/auth cannot import it back without a cycle between the two. The row is the same shape.
 */
export async function recordBreakGlassSignIns(user: { id: string; email: string }): Promise<number> {
  return db.$executeRaw`
    INSERT INTO audit_logs (org_id, actor_user_id, actor_label, action, target_type, target_id, target_label, after)
    SELECT m.org_id, ${user.id}::uuid, ${user.email}, 'sso.break_glass_sign_in', 'user', ${user.id}, ${user.email},
           jsonb_build_object('method', 'password', 'ssoEnforced', true)
      FROM memberships m
      JOIN sso_connections c ON c.org_id = m.org_id AND c.enabled AND c.enforced
     WHERE m.user_id = ${user.id}::uuid AND m.role = 'owner'`;
}
