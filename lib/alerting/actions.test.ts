import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import {
  createDestinationAction,
  deleteDestinationAction,
  deleteRuleAction,
  moveRuleAction,
  previewDraftAction,
  saveRuleAction,
  updateDestinationAction,
} from "./actions";
import { formOf } from "@/lib/testing/forms";

const KEY = "a".repeat(28) + "b1c2";

async function tenantWithDestination() {
  const t = await createTestTenant();
  signInAs(t.users.admin);
  const created = await createDestinationAction(
    null,
    formOf({ org: t.org.slug, name: "Platform", routingKey: KEY, teamId: "" }),
  );
  if (!created.ok) throw new Error(created.error.message);
  return { ...t, destinationId: created.data.id };
}

const rule = (fields: Record<string, string | string[]>) =>
  formOf({
    kind: "findings",
    name: "Critical security",
    minSeverity: "critical",
    categories: ["security"],
    destinationMode: "specific",
    pdSeverity: "critical",
    grouping: "check",
    ...fields,
  });

describe("alerting destination actions", () => {
  it("adds a destination with a valid key and never returns the key", async () => {
    const t = await tenantWithDestination();
    const row = await db.alertDestination.findUniqueOrThrow({ where: { id: t.destinationId } });
    expect(row.keyLast4).toBe("b1c2");
    const renamed = await updateDestinationAction(
      null,
      formOf({
        org: t.org.slug,
        destinationId: t.destinationId,
        name: "Platform on-call",
        teamId: t.team.id,
        routingKey: "",
      }),
    );
    expect(renamed).toEqual({ ok: true, data: { id: t.destinationId, name: "Platform on-call", keyReplaced: false } });
    expect(JSON.stringify(renamed)).not.toContain(KEY);
  });

  it("names the key field when it is not 32 letters and digits", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const result = await createDestinationAction(
      null,
      formOf({ org: t.org.slug, name: "P", routingKey: "short", teamId: "" }),
    );
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : (result.error.fieldErrors ?? {})).sort()).toEqual(["name", "routingKey"]);
  });

  it("refuses members, and another org's destination is not found", async () => {
    const a = await tenantWithDestination();
    const b = await createTestTenant();
    signInAs(a.users.teamAdmin);
    expect(
      await createDestinationAction(null, formOf({ org: a.org.slug, name: "Mine", routingKey: KEY, teamId: "" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    signInAs(b.users.owner);
    expect(
      await deleteDestinationAction(null, formOf({ org: b.org.slug, destinationId: a.destinationId })),
    ).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await db.alertDestination.count({ where: { id: a.destinationId } })).toBe(1);
  });
});

describe("alerting rule actions", () => {
  it("a team admin adds, moves, previews and deletes the team's rules", async () => {
    const t = await tenantWithDestination();
    signInAs(t.users.teamAdmin);
    const team = t.team.slug;
    const first = await saveRuleAction(null, rule({ org: t.org.slug, team, destinationId: t.destinationId }));
    const second = await saveRuleAction(
      null,
      rule({
        org: t.org.slug,
        team,
        name: "Everything else",
        minSeverity: "low",
        categories: [],
        destinationMode: "none",
      }),
    );
    if (!first.ok || !second.ok) throw new Error("not saved");
    expect(
      await moveRuleAction(null, formOf({ org: t.org.slug, team, ruleId: second.data.id, direction: "up" })),
    ).toEqual({
      ok: true,
      data: null,
    });
    const order = await db.alertRule.findMany({ where: { teamId: t.team.id }, orderBy: { position: "asc" } });
    expect(order.map((r) => r.name)).toEqual(["Everything else", "Critical security"]);

    const preview = await previewDraftAction(
      null,
      rule({ org: t.org.slug, team, name: "", destinationId: t.destinationId }),
    );
    expect(preview).toMatchObject({ ok: true, data: { ruleId: "draft", groups: [] } });

    expect(await deleteRuleAction(null, formOf({ org: t.org.slug, team, ruleId: first.data.id }))).toEqual({
      ok: true,
      data: null,
    });
  });

  it("keys list errors by the form's field and shows the baseline refusal", async () => {
    const t = await tenantWithDestination();
    const baseline = await saveRuleAction(null, rule({ org: t.org.slug, destinationId: t.destinationId }));
    expect(baseline.ok).toBe(true);
    signInAs(t.users.teamAdmin);
    const bad = await saveRuleAction(null, rule({ org: t.org.slug, team: t.team.slug, checks: "ok, bad check!" }));
    expect(bad.ok ? null : bad.error.fieldErrors).toHaveProperty("checks");
    const lower = await saveRuleAction(
      null,
      rule({ org: t.org.slug, team: t.team.slug, destinationId: t.destinationId, pdSeverity: "warning" }),
    );
    expect(lower).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { pdSeverity: [expect.any(String)] } },
    });
    expect(lower.ok ? "" : lower.error.message).toContain("cannot lower");
  });

  it("keeps team editors, other teams' admins and other orgs off a team's rules", async () => {
    const t = await tenantWithDestination();
    const b = await createTestTenant();
    signInAs(t.users.editor);
    expect(
      await saveRuleAction(null, rule({ org: t.org.slug, team: t.team.slug, destinationId: t.destinationId })),
    ).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs(t.users.teamAdmin);
    expect(
      await saveRuleAction(null, rule({ org: t.org.slug, team: t.otherTeam.slug, destinationId: t.destinationId })),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await saveRuleAction(null, rule({ org: t.org.slug, destinationId: t.destinationId }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs(b.users.owner);
    expect(await saveRuleAction(null, rule({ org: b.org.slug, destinationId: t.destinationId }))).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { destinationId: [expect.any(String)] } },
    });
  });
});
