// Small SQL fragments shared by the cost queries (no database access here).

/** The bucket of a cost row: idle/unallocated by allocation, else a team or unassigned. */
export const BUCKET_SQL = (alias: string) =>
  `CASE WHEN ${alias}.allocation <> 'workload' THEN ${alias}.allocation
        WHEN ${alias}.owner_team_id IS NULL THEN 'unassigned' ELSE 'team' END`;

/** (a − b) ÷ b, or null when b is null or 0. */
export function changeOf(current: number, previous: number | null): number | null {
  return previous === null || previous === 0 ? null : (current - previous) / previous;
}

export function ratioOf(numerator: number, denominator: number | null): number | null {
  return denominator === null || denominator === 0 ? null : numerator / denominator;
}
