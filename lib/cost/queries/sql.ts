// Small SQL fragments shared by the cost queries (no database access here).

/** The bucket of a cost row: idle/unallocated by allocation, else a team or unassigned. */
export const BUCKET_SQL = (alias: string) =>
  `CASE WHEN ${alias}.allocation <> 'workload' THEN ${alias}.allocation
        WHEN ${alias}.owner_team_id IS NULL THEN 'unassigned' ELSE 'team' END`;

/**
 * One team's cost_daily rows (alias `c`), or with teamId null the workloads no team owns; values
 * appended to params. Served by the (org_id, owner_team_id, day) index.
 */
export function teamRowsSql(orgId: string, teamId: string | null, params: unknown[]): string {
  params.push(orgId);
  const org = `c.org_id = $${params.length}`;
  if (teamId === null) return `${org} AND c.owner_team_id IS NULL AND c.allocation = 'workload'`;
  params.push(teamId);
  return `${org} AND c.owner_team_id = $${params.length}::uuid`;
}
