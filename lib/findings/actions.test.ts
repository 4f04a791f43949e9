import { describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createTriageTenant, eventsOf, rollupVersusFindings, statesOf } from "@/lib/findings/triage-testing";
import { listSavedViews } from "@/lib/findings/saved-views";
import {
  assignFindingsAction,
  commentOnFindingAction,
  createSavedViewAction,
  deleteSavedViewAction,
  renameSavedViewAction,
  resolveFindingsAction,
  snoozeFindingsAction,
  unassignFindingsAction,
  unresolveFindingsAction,
  unsnoozeFindingsAction,
} from "./actions";
import { formOf } from "@/lib/testing/forms";

// Every test ingests a real report first; the cold first one can outlast the default on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

async function expectRollupsConsistent(orgId: string) {
  const state = await rollupVersusFindings(orgId);
  expect(state.rollup).toEqual(state.direct);
}

describe("findings triage actions", () => {
  it("lets a team editor resolve, snooze, assign and comment, with repeated or comma-separated ids", async () => {
    const t = await createTriageTenant();
    const org = t.org.slug;
    const [a, b, c] = t.findings.team as [string, string, string];
    signInAs(t.users.editor);

    const resolved = await resolveFindingsAction(
      null,
      formOf({ org, ids: [a, `${b},${c}`], resolution: "working_as_intended", reason: "Sidecar by design" }),
    );
    expect(resolved).toEqual({ ok: true, data: { requested: 3, changedIds: [a, b, c].sort() } });
    expect(revalidatePath).toHaveBeenCalledWith(`/o/${org}`, "layout");
    expect(new Set(Object.values(await statesOf([a, b, c])))).toEqual(new Set(["resolved"]));
    await expectRollupsConsistent(t.org.id);

    expect(await unresolveFindingsAction(null, formOf({ org, ids: `${a},${b}` }))).toMatchObject({
      ok: true,
      data: { requested: 2 },
    });
    const week = await snoozeFindingsAction(null, formOf({ org, ids: [a], preset: "week" }));
    expect(week).toMatchObject({ ok: true, data: { changedIds: [a] } });
    const until = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    expect(await snoozeFindingsAction(null, formOf({ org, ids: [b], until }))).toMatchObject({ ok: true });
    const snoozed = await pool.query(`SELECT snoozed_until FROM findings WHERE id = $1`, [b]);
    expect(snoozed.rows[0].snoozed_until.toISOString()).toBe(until);
    expect(await statesOf([a, b])).toEqual({ [a]: "snoozed", [b]: "snoozed" });
    await expectRollupsConsistent(t.org.id);
    expect(await unsnoozeFindingsAction(null, formOf({ org, ids: [a, b] }))).toMatchObject({
      ok: true,
      data: { changedIds: [a, b].sort() },
    });

    expect(await assignFindingsAction(null, formOf({ org, ids: [a, b], assignee: t.users.editor.id }))).toMatchObject({
      ok: true,
      data: { changedIds: [a, b].sort() },
    });
    expect(await unassignFindingsAction(null, formOf({ org, ids: [a] }))).toMatchObject({ ok: true });
    expect(await assignFindingsAction(null, formOf({ org, ids: [b], assignee: "" }))).toMatchObject({ ok: true });
    const assigned = await pool.query(
      `SELECT count(*)::int AS n FROM findings WHERE assignee_id IS NOT NULL AND id = ANY($1)`,
      [[a, b]],
    );
    expect(assigned.rows[0].n).toBe(0);

    const comment = await commentOnFindingAction(null, formOf({ org, id: a, text: "Looking at it" }));
    expect(comment).toMatchObject({ ok: true, data: { findingId: a } });
    expect(await commentOnFindingAction(null, formOf({ org, ids: b, text: "Also this" }))).toMatchObject({ ok: true });

    const kinds = (await eventsOf([a])).map((e) => e.kind);
    expect(kinds).toEqual([
      "opened",
      "resolved",
      "unresolved",
      "snoozed",
      "unsnoozed",
      "assigned",
      "unassigned",
      "commented",
    ]);
    expect(
      (await eventsOf([a, b, c])).filter((e) => e.kind !== "opened").every((e) => e.actor_id === t.users.editor.id),
    ).toBe(true);
    await expectRollupsConsistent(t.org.id);
  });

  it("refuses viewers (forbidden), other teams' and other orgs' findings (not_found), changing nothing", async () => {
    const t = await createTriageTenant();
    const org = t.org.slug;
    const mine = t.findings.team[0]!;
    const theirs = t.findings.otherTeam[0]!;
    const resolve = (ids: string[], slug = org) =>
      resolveFindingsAction(null, formOf({ org: slug, ids, resolution: "will_not_fix", reason: "No" }));

    signInAs(t.users.viewer);
    expect(await resolve([mine])).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await commentOnFindingAction(null, formOf({ org, id: mine, text: "hi" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    signInAs(t.users.editor);
    expect(await resolve([mine, theirs])).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snoozeFindingsAction(null, formOf({ org, ids: [theirs], preset: "day" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });

    const b = await createTestTenant();
    signInAs(b.users.owner);
    expect(await resolve([mine], b.org.slug)).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Their own org's slug is not a way in either.
    expect(await resolve([mine], org)).toMatchObject({ ok: false, error: { code: "not_found" } });

    signInAs(null);
    expect(await resolve([mine])).toMatchObject({ ok: false, error: { code: "unauthorized" } });

    expect(await statesOf([mine, theirs])).toEqual({ [mine]: "open", [theirs]: "open" });
    expect(await eventsOf([mine, theirs], ["resolved", "snoozed", "commented"])).toEqual([]);
  });

  it("shows bad input under its field", async () => {
    const t = await createTriageTenant();
    const org = t.org.slug;
    const id = t.findings.team[0]!;
    signInAs(t.users.editor);

    const noReason = await resolveFindingsAction(
      null,
      formOf({ org, ids: id, resolution: "will_not_fix", reason: " " }),
    );
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { reason: [expect.any(String)] } },
    });
    const noIds = await unresolveFindingsAction(null, formOf({ org }));
    expect(noIds).toMatchObject({ ok: false, error: { fieldErrors: { ids: ["Select at least one finding."] } } });
    const past = await snoozeFindingsAction(null, formOf({ org, ids: id, until: "2020-01-01" }));
    expect(past).toMatchObject({ ok: false, error: { fieldErrors: { until: ["Pick a time in the future."] } } });
    const neither = await snoozeFindingsAction(null, formOf({ org, ids: id }));
    expect(neither).toMatchObject({ ok: false, error: { fieldErrors: { until: ["Choose a preset or a date."] } } });
    const outsider = await assignFindingsAction(null, formOf({ org, ids: id, assignee: t.users.member.id }));
    expect(outsider).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { assignee: [expect.any(String)] } },
    });
    const empty = await commentOnFindingAction(null, formOf({ org, id, text: "" }));
    expect(empty).toMatchObject({ ok: false, error: { fieldErrors: { text: ["Write a comment."] } } });
    expect(await eventsOf([id])).toHaveLength(1);
  });
});

describe("saved view actions", () => {
  it("creates, renames and deletes the signed-in user's views", async () => {
    const t = await createTestTenant();
    const org = t.org.slug;
    signInAs(t.users.viewer);
    const created = await createSavedViewAction(null, formOf({ org, name: "Critical", query: "severity=critical" }));
    expect(created).toMatchObject({ ok: true, data: { name: "Critical", query: "severity=critical" } });
    if (!created.ok) return;
    expect(await createSavedViewAction(null, formOf({ org, name: "Critical", query: "" }))).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { name: [expect.stringContaining("already have a view")] } },
    });
    expect(await createSavedViewAction(null, formOf({ org, name: "Bad", query: "?a=1" }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { query: [expect.any(String)] } },
    });
    expect(await createSavedViewAction(null, formOf({ org, name: "Everything" }))).toMatchObject({
      ok: true,
      data: { query: "" },
    });

    // Someone else cannot touch it.
    signInAs(t.users.admin);
    expect(await deleteSavedViewAction(null, formOf({ org, id: created.data.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });

    signInAs(t.users.viewer);
    expect(await renameSavedViewAction(null, formOf({ org, id: created.data.id, name: "Crit" }))).toMatchObject({
      ok: true,
      data: { name: "Crit" },
    });
    expect(await deleteSavedViewAction(null, formOf({ org, id: created.data.id }))).toEqual({
      ok: true,
      data: { id: created.data.id },
    });
    expect((await listSavedViews(t.org.id, t.users.viewer.id)).map((v) => v.name)).toEqual(["Everything"]);

    const b = await createTestTenant();
    signInAs(b.users.owner);
    expect(await createSavedViewAction(null, formOf({ org, name: "x" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});
