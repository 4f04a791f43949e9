import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { deleteBudgetAction, saveBudgetAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

const budgetForm = (org: string, teamId: string, over: Record<string, string> = {}) =>
  formOf({
    org,
    name: "Team monthly",
    scope: "team",
    teamId,
    value: "",
    labelKey: "",
    monthlyAmount: "1,200.50",
    actualThresholds: "80, 100",
    forecastThresholds: "100",
    ...over,
  });

describe("budget actions", () => {
  it("let a team admin create, change and delete their team's budget, audited", async () => {
    const t = await createTestTenant();
    signInAs(t.users.teamAdmin);
    const created = await saveBudgetAction(null, budgetForm(t.org.slug, t.team.id));
    expect(created).toEqual({ ok: true, data: { id: expect.any(String) } });
    const id = created.ok ? created.data.id : "";
    expect(await db.costBudget.findUniqueOrThrow({ where: { id } })).toMatchObject({
      orgId: t.org.id,
      teamId: t.team.id,
      scope: "team",
      monthlyAmount: 1200.5,
      thresholds: [
        { basis: "actual", percent: 80 },
        { basis: "actual", percent: 100 },
        { basis: "forecast", percent: 100 },
      ],
    });

    const changed = await saveBudgetAction(
      null,
      budgetForm(t.org.slug, t.team.id, {
        budgetId: id,
        scope: "service",
        value: "checkout-api",
        monthlyAmount: "300",
      }),
    );
    expect(changed).toEqual({ ok: true, data: { id } });
    expect(await db.costBudget.findUniqueOrThrow({ where: { id } })).toMatchObject({
      scope: "service",
      value: "checkout-api",
      monthlyAmount: 300,
    });

    expect(await deleteBudgetAction(null, formOf({ org: t.org.slug, budgetId: id }))).toEqual({ ok: true, data: null });
    expect(await db.costBudget.count({ where: { id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { orgId: t.org.id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["budget.created", "budget.updated", "budget.deleted"]);
  });

  it("names the form's field of every problem, thresholds included", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    expect(
      await saveBudgetAction(null, budgetForm(t.org.slug, t.team.id, { monthlyAmount: "", actualThresholds: "80, x" })),
    ).toMatchObject({
      ok: false,
      error: {
        code: "bad_request",
        fieldErrors: { monthlyAmount: [expect.any(String)], actualThresholds: [expect.any(String)] },
      },
    });
    // ZBudgetInput's own checks come back under the form's names.
    expect(
      await saveBudgetAction(null, budgetForm(t.org.slug, t.team.id, { name: " ", scope: "service", value: "" })),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: ["Give the budget a name."], value: ["Name the service."] } },
    });
    expect(await saveBudgetAction(null, budgetForm(t.org.slug, t.team.id, { monthlyAmount: "-5" }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { monthlyAmount: ["The amount must be more than 0."] } },
    });
    expect(await db.costBudget.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("are forbidden without the budget permission and not_found across teams and orgs", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const user of [a.users.editor, a.users.viewer]) {
      signInAs(user);
      expect(await saveBudgetAction(null, budgetForm(a.org.slug, a.team.id))).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
    }
    // A team the member is not on is a team that does not exist.
    signInAs(a.users.teamAdmin);
    expect(await saveBudgetAction(null, budgetForm(a.org.slug, a.otherTeam.id))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    // Another org's team and budget, through this org's slug.
    signInAs(b.users.admin);
    const theirs = await saveBudgetAction(null, budgetForm(b.org.slug, b.team.id));
    const theirId = theirs.ok ? theirs.data.id : "";
    signInAs(a.users.admin);
    expect(await saveBudgetAction(null, budgetForm(a.org.slug, b.team.id))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await deleteBudgetAction(null, formOf({ org: a.org.slug, budgetId: theirId }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await saveBudgetAction(null, budgetForm(a.org.slug, a.team.id, { budgetId: theirId }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    // And another org's slug is not found at all.
    expect(await saveBudgetAction(null, budgetForm(b.org.slug, b.team.id))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await db.costBudget.count({ where: { id: theirId } })).toBe(1);
  });
});
