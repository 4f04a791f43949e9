import { describe, expect, it } from "vitest";
import { NO_TEAM_LABEL, prepareOutcomes, type TTeamCounts } from "./prepare-outcomes";

const team = (id: string | null, allowed: number, warned = 0, wouldDeny = 0, denied = 0): TTeamCounts => ({
  teamId: id,
  teamName: id ? `Team ${id}` : null,
  allowed,
  warned,
  wouldDeny,
  denied,
});

describe("prepareOutcomes", () => {
  it("orders teams by their number of decisions and puts objects of no team last", () => {
    const chart = prepareOutcomes([team(null, 50), team("a", 1, 1), team("b", 3, 2, 0, 1)]);
    expect(chart.rows.map((r) => [r.label, r.total])).toEqual([
      ["Team b", 6],
      ["Team a", 2],
      [NO_TEAM_LABEL, 50],
    ]);
    expect(chart.totals).toEqual({ allowed: 54, warned: 3, wouldDeny: 0, denied: 1, total: 58 });
  });

  it("folds the teams past the limit into one row, keeping every outcome's count", () => {
    const chart = prepareOutcomes([team("a", 9), team("b", 5, 1), team("c", 1, 0, 2), team("d", 0, 0, 0, 4)], 2);
    expect(chart.rows.map((r) => r.label)).toEqual(["Team a", "Team b", "Other teams (2)"]);
    expect(chart.rows[2]).toMatchObject({ allowed: 1, warned: 0, wouldDeny: 2, denied: 4, total: 7 });
    expect(chart.totals.total).toBe(22);
  });

  it("leaves out teams without decisions and has no rows at all for no decisions", () => {
    expect(prepareOutcomes([team("a", 0), team(null, 0)]).rows).toEqual([]);
    expect(prepareOutcomes([]).totals.total).toBe(0);
  });
});
