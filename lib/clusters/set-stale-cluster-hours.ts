import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { setOrgNumberSetting } from "@/lib/orgs/set-org-setting";

/** Changes after how many hours without a report a cluster of the org is flagged stale. */
export async function setStaleClusterHours(orgId: string, actor: TAuditEntry["actor"], hours: number) {
  const { changed } = await setOrgNumberSetting(orgId, actor, "staleClusterHours", hours);
  return { staleClusterHours: hours, changed };
}
