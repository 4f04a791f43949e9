import "server-only";
import { pool } from "@/lib/server/db";
import type { TCostRange } from "../range";
import { assertTeamInScope, type TCostScope } from "../scope";
import type { TServiceDay } from "../types";
import { teamRowsSql } from "./sql";

/**
 * One service of a team, per day of the range: cost, and requested vs used core- and GiB-hours
 * (used null on days without usage data). Days without rows are absent; the preparer fills them.
 */
export async function getServiceCostSeries(
  scope: TCostScope,
  teamId: string | null,
  service: string,
  range: TCostRange,
): Promise<TServiceDay[]> {
  assertTeamInScope(scope, teamId);
  const params: unknown[] = [];
  const where = teamRowsSql(scope.orgId, teamId, params);
  params.push(service, range.from, range.to);
  const n = params.length;
  const { rows } = await pool.query<TServiceDay>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(total_cost) AS cost,
            sum(cpu_core_hours_requested) AS "cpuCoreHoursRequested", sum(cpu_core_hours_used) AS "cpuCoreHoursUsed",
            sum(memory_gib_hours_requested) AS "memoryGibHoursRequested", sum(memory_gib_hours_used) AS "memoryGibHoursUsed"
       FROM cost_daily c WHERE ${where} AND service = $${n - 2} AND day BETWEEN $${n - 1} AND $${n}
      GROUP BY day ORDER BY day`,
    params,
  );
  return rows;
}
