import { describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { pool } from "@/lib/server/db";
import { addTeamMember, createMember, createTestTenant } from "@/lib/testing/factories";
import { orgTokenTriageContext } from "./triage-context";
import { snoozePresetUntil } from "./triage-schemas";
import {
  assignFindings,
  commentOnFinding,
  resolveFindings,
  snoozeFindings,
  unresolveFindings,
  unsnoozeFindings,
} from "./triage";
import {
  createTriageTenant,
  eventsOf,
  POLARIS,
  rollupVersusFindings,
  sessionContext,
  statesOf,
  uploadReport,
} from "./triage-testing";
import { appErrorOf } from "@/lib/testing/errors";

// Every test ingests a real report first; the cold first one can outlast the default on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

async function expectRollupsConsistent(orgId: string) {
  const state = await rollupVersusFindings(orgId);
  expect(state.rollup).toEqual(state.direct);
}

const WONT_FIX = { resolution: "will_not_fix", reason: "Vendor chart, cannot change it" } as const;

describe("resolving findings", () => {
  it("resolves a team's findings once, records who and why, and keeps the rollups in step", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const ids = t.findings.team.slice(0, 2);

    const first = await resolveFindings(ctx, ids, WONT_FIX);
    expect(first).toEqual({ requested: 2, changedIds: [...ids].sort() });
    expect(Object.values(await statesOf(ids))).toEqual(["resolved", "resolved"]);
    const row = await pool.query(
      `SELECT resolution, resolution_reason, resolved_by_id, resolved_at FROM findings WHERE id = $1`,
      [ids[0]],
    );
    expect(row.rows[0]).toMatchObject({
      resolution: "will_not_fix",
      resolution_reason: WONT_FIX.reason,
      resolved_by_id: t.users.editor.id,
      resolved_at: expect.any(Date),
    });
    let events = await eventsOf(ids, ["resolved"]);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actor_id: t.users.editor.id,
      data: { resolution: "will_not_fix", reason: WONT_FIX.reason },
    });
    await expectRollupsConsistent(t.org.id);

    // Same resolution again (with the rest of the team's findings): only the new ones change.
    const again = await resolveFindings(ctx, t.findings.team, { ...WONT_FIX, reason: "another reason" });
    expect(again.changedIds).toEqual(t.findings.team.filter((id) => !ids.includes(id)).sort());
    events = await eventsOf(ids, ["resolved"]);
    expect(events).toHaveLength(2);

    // A different resolution is a change, with the previous one in the history.
    const changed = await resolveFindings(ctx, [ids[0]!], { resolution: "working_as_intended", reason: "By design" });
    expect(changed.changedIds).toEqual([ids[0]]);
    expect((await eventsOf([ids[0]!], ["resolved"]))[1]?.data).toEqual({
      resolution: "working_as_intended",
      reason: "By design",
      previousResolution: "will_not_fix",
    });

    const reopened = await unresolveFindings(ctx, ids);
    expect(reopened.changedIds).toEqual([...ids].sort());
    expect(Object.values(await statesOf(ids))).toEqual(["open", "open"]);
    expect((await eventsOf([ids[1]!], ["unresolved"]))[0]?.data).toEqual({
      previousResolution: "will_not_fix",
      previousReason: WONT_FIX.reason,
    });
    expect((await unresolveFindings(ctx, ids)).changedIds).toEqual([]);
    await expectRollupsConsistent(t.org.id);

    const daily = await pool.query(`SELECT sum(resolved)::int AS n FROM finding_daily WHERE org_id = $1`, [t.org.id]);
    expect(daily.rows[0].n).toBe(t.findings.team.length + 1);
  });

  it("asks for a reason and a known resolution", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const id = t.findings.team[0]!;
    expect(await appErrorOf(resolveFindings(ctx, [id], { resolution: "will_not_fix", reason: "  " }))).toMatchObject({
      code: "bad_request",
      details: { field: "reason" },
    });
    const long = "x".repeat(2001);
    expect(await appErrorOf(resolveFindings(ctx, [id], { resolution: "will_not_fix", reason: long }))).toMatchObject({
      code: "bad_request",
    });
    // @ts-expect-error: not a resolution
    expect(await appErrorOf(resolveFindings(ctx, [id], { resolution: "fixed", reason: "x" }))).toMatchObject({
      code: "bad_request",
    });
    expect(await appErrorOf(resolveFindings(ctx, [], WONT_FIX))).toMatchObject({ code: "bad_request" });
    expect(await appErrorOf(resolveFindings(ctx, ["not-a-uuid"], WONT_FIX))).toMatchObject({ code: "bad_request" });
    const tooMany = Array.from({ length: 1001 }, () => randomUUID());
    expect(await appErrorOf(resolveFindings(ctx, tooMany, WONT_FIX))).toMatchObject({
      code: "bad_request",
      message: "Select at most 1000 findings at a time.",
    });
    expect(await statesOf([id])).toEqual({ [id]: "open" });
  });

  it("keeps a resolution while the finding is fixed and after it comes back", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.admin, t.org.slug);
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM findings WHERE org_id = $1 AND name = 'coredns' AND check_id = 'cpuLimitsMissing'`,
      [t.org.id],
    );
    const id = rows[0]!.id;
    const fixedReport = JSON.parse(POLARIS.toString("utf8"));
    fixedReport.Results[3].PodResult.ContainerResults[0].Results.cpuLimitsMissing.Success = true;
    await uploadReport(t.org.id, t.cluster.id, "polaris", Buffer.from(JSON.stringify(fixedReport)));
    expect(await statesOf([id])).toEqual({ [id]: "fixed" });

    expect((await resolveFindings(ctx, [id], WONT_FIX)).changedIds).toEqual([id]);
    expect(await statesOf([id])).toEqual({ [id]: "fixed" });
    await expectRollupsConsistent(t.org.id);

    await uploadReport(t.org.id, t.cluster.id, "polaris", POLARIS);
    expect(await statesOf([id])).toEqual({ [id]: "resolved" });
    await expectRollupsConsistent(t.org.id);
  });
});

describe("who may triage which findings", () => {
  it("lets team editors and admins triage their team, org admins everything, and refuses the rest", async () => {
    const t = await createTriageTenant();
    const team = t.findings.team[0]!;
    const other = t.findings.otherTeam[0]!;
    const unassigned = t.findings.unassigned[0]!;
    const outcome = async (user: { id: string; email: string; name: string }, id: string, org = t.org.slug) =>
      (await appErrorOf(resolveFindings(await sessionContext(user, org), [id], WONT_FIX))).code;

    expect(await outcome(t.users.viewer, team)).toBe("forbidden");
    expect(await outcome(t.users.member, team)).toBe("not_found");
    expect(await outcome(t.users.editor, other)).toBe("not_found");
    expect(await outcome(t.users.editor, unassigned)).toBe("not_found");
    expect(await outcome(t.users.teamAdmin, unassigned)).toBe("not_found");
    expect(await outcome(t.users.editor, team)).toBe("ok");
    expect(await outcome(t.users.teamAdmin, t.findings.team[1]!)).toBe("ok");
    expect(await outcome(t.users.admin, other)).toBe("ok");
    expect(await outcome(t.users.owner, unassigned)).toBe("ok");

    // Another org's admin: the ids do not exist for them.
    const b = await createTestTenant();
    expect(await outcome(b.users.admin, t.findings.team[2]!, b.org.slug)).toBe("not_found");
    expect(await outcome(b.users.owner, t.findings.unassigned[1] ?? unassigned, b.org.slug)).toBe("not_found");
    // An unknown id is the same answer.
    expect(await outcome(t.users.admin, randomUUID())).toBe("not_found");
    await expectRollupsConsistent(t.org.id);
  });

  it("changes nothing in a bulk action when any id is hidden (404) or read-only (403)", async () => {
    const t = await createTriageTenant();
    // The editor can read the other team's findings but not triage them.
    await addTeamMember(t.org.id, t.otherTeam.id, t.users.editor.id, "viewer");
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const mine = t.findings.team;
    const readOnly = t.findings.otherTeam[0]!;
    const hidden = t.findings.unassigned[0]!;

    const forbidden = await appErrorOf(resolveFindings(ctx, [...mine, readOnly], WONT_FIX));
    expect(forbidden).toMatchObject({ code: "forbidden", details: { ids: [readOnly] } });
    const notFound = await appErrorOf(
      snoozeFindings(ctx, [hidden, ...mine, readOnly], { until: snoozePresetUntil("day") }),
    );
    expect(notFound).toMatchObject({ code: "not_found", details: { ids: [hidden] } });
    expect(await appErrorOf(assignFindings(ctx, [...mine, readOnly], t.users.editor.id))).toMatchObject({
      code: "forbidden",
    });

    const all = [...mine, readOnly, hidden];
    expect(new Set(Object.values(await statesOf(all)))).toEqual(new Set(["open"]));
    expect(await eventsOf(all, ["resolved", "snoozed", "assigned"])).toEqual([]);
    const assigned = await pool.query(
      `SELECT count(*)::int AS n FROM findings WHERE assignee_id IS NOT NULL AND id = ANY($1)`,
      [all],
    );
    expect(assigned.rows[0].n).toBe(0);
  });

  it("records an org admin token as the actor by its name", async () => {
    const t = await createTriageTenant();
    const ctx = orgTokenTriageContext(t.org.id, { label: "fleet-automation" });
    const id = t.findings.unassigned[0]!;
    await resolveFindings(ctx, [id], WONT_FIX);
    const [event] = await eventsOf([id], ["resolved"]);
    expect(event).toMatchObject({ actor_id: null, data: { actorLabel: "fleet-automation" } });
    const other = await createTestTenant();
    expect(
      (await appErrorOf(resolveFindings(orgTokenTriageContext(other.org.id, { label: "x" }), [id], WONT_FIX))).code,
    ).toBe("not_found");
  });
});

describe("snoozing findings", () => {
  it("snoozes until a date, re-snoozes, unsnoozes, and takes over from a resolution", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const [a, b] = t.findings.team as [string, string];
    const now = new Date();
    const week = snoozePresetUntil("week", now);

    expect((await snoozeFindings(ctx, [a], { until: week }, now)).changedIds).toEqual([a]);
    expect(await statesOf([a])).toEqual({ [a]: "snoozed" });
    expect((await snoozeFindings(ctx, [a], { until: week }, now)).changedIds).toEqual([]);
    const later = snoozePresetUntil("month", now);
    expect((await snoozeFindings(ctx, [a], { until: later }, now)).changedIds).toEqual([a]);
    const snoozes = await eventsOf([a], ["snoozed"]);
    expect(snoozes.map((e) => new Date(e.data.until as string).getTime())).toEqual([week.getTime(), later.getTime()]);
    expect(new Date(snoozes[1]!.data.previousUntil as string).getTime()).toBe(week.getTime());
    await expectRollupsConsistent(t.org.id);

    // Resolving a snoozed finding ends the snooze; snoozing a resolved one clears the resolution.
    await resolveFindings(ctx, [a], WONT_FIX);
    const row = await pool.query(`SELECT state::text, snoozed_until FROM findings WHERE id = $1`, [a]);
    expect(row.rows[0]).toEqual({ state: "resolved", snoozed_until: null });
    await snoozeFindings(ctx, [a, b], { until: week }, now);
    expect(await statesOf([a, b])).toEqual({ [a]: "snoozed", [b]: "snoozed" });
    expect((await eventsOf([a], ["snoozed"]))[2]?.data).toMatchObject({ previousResolution: "will_not_fix" });
    const resolution = await pool.query(`SELECT resolution, resolved_by_id FROM findings WHERE id = $1`, [a]);
    expect(resolution.rows[0]).toEqual({ resolution: null, resolved_by_id: null });

    expect((await unsnoozeFindings(ctx, [a, b])).changedIds).toEqual([a, b].sort());
    expect(await statesOf([a, b])).toEqual({ [a]: "open", [b]: "open" });
    expect((await eventsOf([b], ["unsnoozed"]))[0]?.data).toEqual({ until: expect.any(String) });
    await expectRollupsConsistent(t.org.id);
  });

  it("refuses a past date or one more than a year ahead", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const id = t.findings.team[0]!;
    const now = new Date("2026-03-10T12:00:00Z");
    const at = (iso: string) => appErrorOf(snoozeFindings(ctx, [id], { until: new Date(iso) }, now));
    expect(await at("2026-03-10T11:59:00Z")).toMatchObject({ code: "bad_request", details: { field: "until" } });
    expect(await at("2027-03-10T12:00:01Z")).toMatchObject({ message: "Snooze for at most one year." });
    expect(await at("2027-03-10T12:00:00Z")).toMatchObject({ code: "ok" });
  });

  it("computes presets as a day, a week and a calendar month", () => {
    const now = new Date("2026-01-31T08:30:00Z");
    expect(snoozePresetUntil("day", now).toISOString()).toBe("2026-02-01T08:30:00.000Z");
    expect(snoozePresetUntil("week", now).toISOString()).toBe("2026-02-07T08:30:00.000Z");
    expect(snoozePresetUntil("month", now).toISOString()).toBe("2026-02-28T08:30:00.000Z");
    expect(snoozePresetUntil("month", new Date("2026-12-15T00:00:00Z")).toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });
});

describe("assigning findings", () => {
  it("assigns to someone who can see the findings, records names, and unassigns", async () => {
    const t = await createTriageTenant();
    const ctx = await sessionContext(t.users.editor, t.org.slug);
    const ids = t.findings.team.slice(0, 3);

    expect((await assignFindings(ctx, ids, t.users.viewer.id)).changedIds).toEqual([...ids].sort());
    expect((await assignFindings(ctx, ids, t.users.viewer.id)).changedIds).toEqual([]);
    expect((await assignFindings(ctx, [ids[0]!], t.users.admin.id)).changedIds).toEqual([ids[0]]);
    const events = await eventsOf([ids[0]!], ["assigned"]);
    expect(events.map((e) => e.data)).toEqual([
      { assigneeId: t.users.viewer.id, assigneeName: t.users.viewer.name },
      {
        assigneeId: t.users.admin.id,
        assigneeName: t.users.admin.name,
        previousAssigneeId: t.users.viewer.id,
        previousAssigneeName: t.users.viewer.name,
      },
    ]);

    expect((await assignFindings(ctx, ids, null)).changedIds).toEqual([...ids].sort());
    const unassigned = await eventsOf([ids[1]!], ["unassigned"]);
    expect(unassigned[0]).toMatchObject({
      actor_id: t.users.editor.id,
      data: { previousAssigneeId: t.users.viewer.id, previousAssigneeName: t.users.viewer.name },
    });
    const left = await pool.query(
      `SELECT count(*)::int AS n FROM findings WHERE id = ANY($1) AND assignee_id IS NOT NULL`,
      [ids],
    );
    expect(left.rows[0].n).toBe(0);
    await expectRollupsConsistent(t.org.id);
  });

  it("refuses assignees who could not open the findings, naming them", async () => {
    const t = await createTriageTenant();
    const admin = await sessionContext(t.users.admin, t.org.slug);
    const outsider = await createMember((await createTestTenant()).org.id, "admin");
    const otherTeamEditor = await createMember(t.org.id, "member");
    await addTeamMember(t.org.id, t.otherTeam.id, otherTeamEditor.id, "editor");
    const ids = [...t.findings.team, t.findings.otherTeam[0]!];

    const wrongTeam = await appErrorOf(assignFindings(admin, ids, otherTeamEditor.id));
    expect(wrongTeam).toMatchObject({ code: "bad_request", details: { field: "assignee" } });
    expect(wrongTeam.message).toContain(otherTeamEditor.name);
    expect((wrongTeam.details as { ids: string[] }).ids).toHaveLength(t.findings.team.length);
    expect(await appErrorOf(assignFindings(admin, ids, t.users.member.id))).toMatchObject({ code: "bad_request" });
    expect(await appErrorOf(assignFindings(admin, [t.findings.unassigned[0]!], t.users.editor.id))).toMatchObject({
      code: "bad_request",
    });
    expect(await appErrorOf(assignFindings(admin, ids, outsider.id))).toMatchObject({
      code: "bad_request",
      message: "The assignee must be a member of this organization.",
    });
    expect(await appErrorOf(assignFindings(admin, ids, randomUUID()))).toMatchObject({ code: "bad_request" });
    expect(await eventsOf(ids, ["assigned"])).toEqual([]);

    // Org admins see everything, unassigned findings included.
    expect(
      (await assignFindings(admin, [...ids, t.findings.unassigned[0]!], t.users.owner.id)).changedIds,
    ).toHaveLength(ids.length + 1);
  });
});

describe("commenting", () => {
  it("adds a comment to the history, for those who may triage", async () => {
    const t = await createTriageTenant();
    const id = t.findings.team[0]!;
    const editor = await sessionContext(t.users.editor, t.org.slug);
    const comment = await commentOnFinding(editor, id, "  Tracked in JIRA-42  ");
    expect(comment).toMatchObject({ findingId: id, createdAt: expect.any(Date) });
    expect(await eventsOf([id], ["commented"])).toEqual([
      { finding_id: id, kind: "commented", actor_id: t.users.editor.id, data: { text: "Tracked in JIRA-42" } },
    ]);

    const viewer = await sessionContext(t.users.viewer, t.org.slug);
    expect((await appErrorOf(commentOnFinding(viewer, id, "hi"))).code).toBe("forbidden");
    expect((await appErrorOf(commentOnFinding(editor, t.findings.otherTeam[0]!, "hi"))).code).toBe("not_found");
    expect(await appErrorOf(commentOnFinding(editor, id, ""))).toMatchObject({
      code: "bad_request",
      details: { field: "text" },
    });
    expect((await appErrorOf(commentOnFinding(editor, id, "x".repeat(5001)))).code).toBe("bad_request");
    expect(await eventsOf([id], ["commented"])).toHaveLength(1);
  });
});
