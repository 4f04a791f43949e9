import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/server/db";

type TAuditedRecord = "notification_connection" | "notification_subscription";

/**
 * Connections and subscriptions are audited alike: a verb on the record ("notification_connection.created"),
 * the record's id and name, and what it was and became (never a secret: callers pass hints).
 */
export function auditNotificationChange(
  tx: Tx,
  by: Pick<TAuditEntry, "orgId" | "actor">,
  action: `${TAuditedRecord}.${string}`,
  { id, label, before, after }: { id: string; label: string } & Pick<TAuditEntry, "before" | "after">,
): Promise<void> {
  const type = action.slice(0, action.indexOf("."));
  return recordAudit(tx, { ...by, action, target: { type, id, label }, before, after });
}
