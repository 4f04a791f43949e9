import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/notifications/connections/write";
import { db } from "@/lib/server/db";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { formOf } from "@/lib/testing/forms";
import { signInAs } from "@/lib/testing/session";
import { failures, MEMORY_OPTIONS, MEMORY_TRANSITIONS, memoryProvider } from "@/lib/testing/tickets";
import { deleteTicketProjectAction, saveTicketProjectAction } from "../project-actions";
import { createTestTicket } from "./create-test-ticket";
import { deleteTicketProject } from "./delete-ticket-project";
import { getTicketProject } from "./get-ticket-project";
import { listTeamProjects } from "./list-team-projects";
import { projectOptionsFor } from "./project-options";
import { saveTicketProject } from "./save-ticket-project";

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
const TOKEN = "ATATT3xFfGF0-secret-token-9f2c";
const fake = memoryProvider();

async function jiraConnection(t: TTenant, teamId: string | null = null, name = "Acme Jira") {
  const actor = actorFor(teamId ? t.users.teamAdmin : t.users.admin);
  const input = {
    kind: "jira_cloud",
    name,
    siteUrl: "https://acme.atlassian.net",
    email: "bot@acme.io",
    apiToken: TOKEN,
  } as const;
  return (await createConnection(t.org.id, actor, { teamId }, input, { provider: fake.factory })).connection;
}
const jira = (connectionId: string, projectKey = "PAY") => ({
  connectionId,
  settings: {
    provider: "jira" as const,
    projectKey,
    labels: ["bumpers"],
    customFields: [{ fieldId: "customfield_10010", template: "{{team}}" }],
  },
});
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (err: { code?: string; details?: { field?: string } }) =>
      `${err.code ?? String(err)}${err.details?.field ? `:${err.details.field}` : ""}`,
  );

describe("ticket projects", () => {
  it("saves the org default and a team's own, replaces them on save, and lists who uses which", async () => {
    const t = await createTestTenant();
    const admin = actorFor(t.users.admin);
    const orgJira = await jiraConnection(t);
    const first = await saveTicketProject(t.org.id, admin, { teamId: null }, jira(orgJira.id, "OPS"));
    const again = await saveTicketProject(
      t.org.id,
      admin,
      { teamId: null },
      { ...jira(orgJira.id, "SEC"), commentsAsNotes: true },
    );
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({
      teamId: null,
      connectionName: "Acme Jira",
      commentsAsNotes: true,
      settings: { projectKey: "SEC", issueType: "Bug" },
    });

    const teamJira = await jiraConnection(t, t.team.id, "Payments Jira");
    await saveTicketProject(t.org.id, actorFor(t.users.teamAdmin), { teamId: t.team.id }, jira(teamJira.id, "PAY"));
    const listed = await listTeamProjects(t.org.id);
    expect(listed.orgDefault?.settings).toMatchObject({ projectKey: "SEC" });
    const byTeam = Object.fromEntries(listed.teams.map((r) => [r.teamId, r]));
    expect(byTeam[t.team.id]).toMatchObject({ source: "own", connectionName: "Payments Jira", target: "PAY · Bug" });
    expect(byTeam[t.otherTeam.id]).toMatchObject({ source: "default", target: "SEC · Bug" });

    await deleteTicketProject(t.org.id, admin, { teamId: t.team.id });
    expect(await getTicketProject(t.org.id, { teamId: t.team.id })).toBeNull();
    await deleteTicketProject(t.org.id, admin, { teamId: null });
    expect((await listTeamProjects(t.org.id)).teams.map((r) => r.source)).toEqual(["none", "none"]);
    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, targetType: "ticket_project" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "ticket_project.created",
      "ticket_project.updated",
      "ticket_project.created",
      "ticket_project.deleted",
      "ticket_project.deleted",
    ]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(TOKEN);
  });

  it("files only through a ticket connection the owner may use, of the settings' provider", async () => {
    const t = await createTestTenant();
    const admin = actorFor(t.users.admin);
    const teamJira = await jiraConnection(t, t.team.id);
    const save = (teamId: string | null, input: Parameters<typeof saveTicketProject>[3]) =>
      codeOf(saveTicketProject(t.org.id, admin, { teamId }, input));
    // Another team's connection, and a team's connection for the org default: not theirs to use.
    await expect(save(t.otherTeam.id, jira(teamJira.id))).resolves.toBe("bad_request:connectionId");
    await expect(save(null, jira(teamJira.id))).resolves.toBe("bad_request:connectionId");
    // A message connection files no tickets.
    const slack = await createConnection(
      t.org.id,
      admin,
      { teamId: null },
      { kind: "slack_webhook", name: "Hook", url: "https://hooks.slack.com/services/T/B/x" },
    );
    await expect(save(null, jira(slack.connection.id))).resolves.toBe("bad_request:connectionId");
    // GitHub settings on a Jira connection.
    const github = {
      connectionId: teamJira.id,
      settings: { provider: "github" as const, owner: "acme", repo: "payments" },
    };
    await expect(save(t.team.id, github)).resolves.toBe("bad_request:connectionId");
    await expect(save(t.team.id, jira(teamJira.id))).resolves.toBe("ok");
  });

  it("lets org admins and the team's admins save, nobody else", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const orgJira = await jiraConnection(t);
    const form = (team: string, org = t.org.slug) =>
      formOf({ org, team, connectionId: orgJira.id, provider: "jira", projectKey: "PAY", issueType: "Bug" });
    const answer = async (user: { id: string; email: string; name: string } | null, fields: FormData) => {
      signInAs(user);
      const result = await saveTicketProjectAction(null, fields);
      return result.ok ? "ok" : result.error.code;
    };
    expect(await answer(t.users.teamAdmin, form(t.team.slug))).toBe("ok");
    expect(await answer(t.users.teamAdmin, form(""))).toBe("forbidden");
    expect(await answer(t.users.teamAdmin, form(t.otherTeam.slug))).toBe("not_found");
    expect(await answer(t.users.viewer, form(t.team.slug))).toBe("forbidden");
    expect(await answer(t.users.admin, form(""))).toBe("ok");
    expect(await answer(t.users.admin, form(t.otherTeam.slug))).toBe("ok");
    expect(await answer(other.users.admin, form(""))).toBe("not_found");
    signInAs(t.users.viewer);
    const removed = await deleteTicketProjectAction(null, formOf({ org: t.org.slug, team: t.team.slug }));
    expect(removed.ok ? "ok" : removed.error.code).toBe("forbidden");
    expect(await getTicketProject(t.org.id, { teamId: t.team.id })).not.toBeNull();
  });

  it("names the form's field under a settings error", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const orgJira = await jiraConnection(t);
    const result = await saveTicketProjectAction(
      null,
      formOf({
        org: t.org.slug,
        team: "",
        connectionId: orgJira.id,
        provider: "jira",
        projectKey: "p-1",
        "priorities.high": "x".repeat(101),
      }),
    );
    expect(result.ok ? {} : result.error.fieldErrors).toMatchObject({
      projectKey: [expect.any(String)],
      "priorities.high": [expect.any(String)],
    });
  });

  it("fetches the form's options through the draft's connection", async () => {
    const t = await createTestTenant();
    const orgJira = await jiraConnection(t);
    const options = await projectOptionsFor(t.org.id, { teamId: t.team.id }, jira(orgJira.id), {
      provider: fake.factory,
    });
    expect(options).toEqual(MEMORY_OPTIONS);
    const refusing = memoryProvider();
    refusing.fail("projectOptions", failures.rejected(404, "No project could be found with key 'PAY'."));
    await expect(
      projectOptionsFor(t.org.id, { teamId: null }, jira(orgJira.id), { provider: refusing.factory }),
    ).rejects.toThrow("Acme Jira answered: No project could be found with key 'PAY'.");
  });
});

describe("test tickets", () => {
  it("creates one, lists its transitions, removes it, and logs both calls without secrets", async () => {
    const t = await createTestTenant();
    const orgJira = await jiraConnection(t);
    await saveTicketProject(t.org.id, actorFor(t.users.admin), { teamId: null }, jira(orgJira.id));
    const provider = memoryProvider();
    // A team without its own project tests the org default.
    const result = await createTestTicket(
      t.org.id,
      actorFor(t.users.teamAdmin),
      { teamId: t.team.id },
      { provider: provider.factory },
    );
    expect(result).toEqual({
      created: { ok: true, key: "PAY-1", url: "https://acme.atlassian.net/browse/PAY-1", status: "To Do" },
      transitions: MEMORY_TRANSITIONS,
      removed: { ok: true, message: "Removed PAY-1 again." },
    });
    expect(provider.argsOf("createIssue")).toEqual([[expect.objectContaining({ title: "Bumpers test ticket" })]]);
    expect(provider.argsOf("removeTestIssue")).toEqual([["10001"]]);
    expect(provider.contexts[0]?.project).toMatchObject({ projectKey: "PAY" });
    const log = await db.ticketSyncLog.findMany({ where: { orgId: t.org.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.direction, l.action, l.ok, l.ticketId, l.connectionId])).toEqual([
      ["out", "test", true, null, orgJira.id],
      ["out", "test", true, null, orgJira.id],
    ]);
    expect(log.map((l) => l.summary)).toEqual(["Test ticket PAY-1 created (To Do).", "Removed PAY-1 again."]);
    const row = await db.notificationConnection.findUniqueOrThrow({ where: { id: orgJira.id } });
    const everything = JSON.stringify([result, log.map((l) => ({ ...l, id: String(l.id) }))]);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(row.secretCiphertext.slice(0, 20));
  });

  it("shows a refusal with its field errors and removes nothing", async () => {
    const t = await createTestTenant();
    const orgJira = await jiraConnection(t);
    await saveTicketProject(t.org.id, actorFor(t.users.admin), { teamId: null }, jira(orgJira.id));
    const provider = memoryProvider();
    provider.fail(
      "createIssue",
      failures.rejected(400, "Field 'customfield_10011' is required.", { customfield_10011: "Squad is required." }),
    );
    const result = await createTestTicket(
      t.org.id,
      actorFor(t.users.admin),
      { teamId: null },
      { provider: provider.factory },
    );
    expect(result).toEqual({
      created: {
        ok: false,
        status: 400,
        message: "Field 'customfield_10011' is required.",
        fieldErrors: { customfield_10011: "Squad is required." },
      },
      transitions: [],
      removed: null,
    });
    expect(provider.count("removeTestIssue")).toBe(0);
    const log = await db.ticketSyncLog.findMany({ where: { orgId: t.org.id } });
    expect(log.map((l) => [l.ok, l.status])).toEqual([[false, 400]]);
  });

  it("asks for settings first", async () => {
    const t = await createTestTenant();
    await expect(
      createTestTicket(t.org.id, actorFor(t.users.admin), { teamId: t.team.id }, { provider: fake.factory }),
    ).rejects.toThrow("Save the ticket settings first.");
  });
});
