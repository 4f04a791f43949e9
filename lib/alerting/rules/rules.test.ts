import { describe, expect, it } from "vitest";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { createDestination } from "../destinations/create-destination";
import { createRule } from "./create-rule";
import { deleteRule } from "./delete-rule";
import { moveRule } from "./move-rule";
import { getRule, listBaselineRules, listTeamRules } from "./queries";
import { updateRule } from "./update-rule";
import { codeOf } from "@/lib/testing/errors";

async function setup() {
  const t = await createTestTenant();
  const actor = actorFor(t.users.admin);
  const platform = await createDestination(t.org.id, actor, {
    name: "Platform",
    routingKey: "platformplatformplatformplatform",
    teamId: null,
  });
  return { t, actor, platform };
}

describe("alert rules", () => {
  it("keeps baseline and team rules apart, in order, and moves them", async () => {
    const { t, actor, platform } = await setup();
    await createRule(t.org.id, actor, null, {
      name: "Critical security",
      match: { minSeverity: "critical", categories: ["security"] },
      useTeamDestination: true,
      destinationId: platform.id,
      pdSeverity: "critical",
    });
    const a = await createRule(t.org.id, actor, t.team.id, {
      name: "Reliability",
      destinationId: platform.id,
      match: { categories: ["reliability"] },
    });
    const b = await createRule(t.org.id, actor, t.team.id, {
      name: "Efficiency quietly",
      noPage: true,
      match: { categories: ["efficiency"] },
    });
    expect((await listBaselineRules(t.org.id)).map((r) => r.name)).toEqual(["Critical security"]);
    expect((await listTeamRules(t.org.id, t.team.id)).map((r) => r.name)).toEqual([
      "Reliability",
      "Efficiency quietly",
    ]);
    const moved = await moveRule(t.org.id, actor, t.team.id, b.id, "up");
    expect(moved.map((r) => [r.name, r.position])).toEqual([
      ["Efficiency quietly", 1],
      ["Reliability", 2],
    ]);
    expect(
      (
        await updateRule(t.org.id, actor, t.team.id, a.id, {
          name: "Reliability!",
          destinationId: platform.id,
          match: { categories: ["reliability"] },
        })
      ).name,
    ).toBe("Reliability!");
    await deleteRule(t.org.id, actor, t.team.id, a.id);
    expect((await listTeamRules(t.org.id, t.team.id)).map((r) => r.name)).toEqual(["Efficiency quietly"]);
  });

  it("refuses a team rule that would silence or lower the baseline, with the reason", async () => {
    const { t, actor, platform } = await setup();
    await createRule(t.org.id, actor, null, {
      name: "Critical security",
      match: { minSeverity: "critical", categories: ["security"] },
      destinationId: platform.id,
      pdSeverity: "critical",
    });
    const silence = createRule(t.org.id, actor, t.team.id, {
      name: "Quiet",
      noPage: true,
      match: { categories: ["security"] },
    });
    await expect(silence).rejects.toMatchObject({ code: "bad_request", details: { field: "noPage" } });
    await expect(silence).rejects.toThrow(/Critical security/);
    const lower = createRule(t.org.id, actor, t.team.id, {
      name: "Low",
      destinationId: platform.id,
      pdSeverity: "warning",
      match: { minSeverity: "high" },
    });
    await expect(lower).rejects.toMatchObject({ code: "bad_request", details: { field: "pdSeverity" } });
    // Not overlapping (another category): fine.
    await createRule(t.org.id, actor, t.team.id, {
      name: "Quiet efficiency",
      noPage: true,
      match: { categories: ["efficiency"] },
    });
  });

  it("a team's rules are not reachable through another team or org", async () => {
    const { t, actor, platform } = await setup();
    const other = await createTestTenant();
    const rule = await createRule(t.org.id, actor, t.team.id, { name: "Mine", destinationId: platform.id });
    expect(await codeOf(getRule(t.org.id, t.otherTeam.id, rule.id))).toBe("not_found");
    expect(await codeOf(updateRule(t.org.id, actor, t.otherTeam.id, rule.id, { name: "Theirs", noPage: true }))).toBe(
      "not_found",
    );
    expect(await codeOf(deleteRule(t.org.id, actor, t.otherTeam.id, rule.id))).toBe("not_found");
    expect(await codeOf(deleteRule(other.org.id, actorFor(other.users.admin), null, rule.id))).toBe("not_found");
    // Another org's destination is not a choice.
    const theirs = await createDestination(other.org.id, actorFor(other.users.admin), {
      name: "Theirs",
      routingKey: "theirstheirstheirstheirstheirs12",
      teamId: null,
    });
    expect(await codeOf(createRule(t.org.id, actor, t.team.id, { name: "Steal", destinationId: theirs.id }))).toBe(
      "bad_request",
    );
    expect(await codeOf(createRule(t.org.id, actor, other.team.id, { name: "Other org team", noPage: true }))).toBe(
      "not_found",
    );
  });
});
