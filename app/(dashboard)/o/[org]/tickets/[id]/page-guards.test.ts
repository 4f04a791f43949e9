import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import TicketLayout from "./layout";
import TicketPage from "./page";

enableAuthInterrupts();

const props = (org: string, id: string) => ({
  params: Promise.resolve({ org, id }),
  searchParams: Promise.resolve({}),
  children: null,
});

async function ticketOf(orgId: string, teamId: string | null): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO tickets (org_id, team_id, provider, problem_key, subject, title, external_key, url, state)
     VALUES ($1, $2, 'jira', gen_random_uuid()::text, $3, 'Run as root', 'PAY-12', 'https://jira.example/browse/PAY-12', 'open')
     RETURNING id`,
    [orgId, teamId, JSON.stringify({ kind: "check", source: "polaris", checkId: "runAsRoot", clusterId: null })],
  );
  return rows[0].id;
}

describe("a ticket's page", () => {
  it("is seen by whoever sees its team's findings, and is a 404 for everyone else", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const own = await ticketOf(a.org.id, a.team.id);
    const deletedTeam = await ticketOf(a.org.id, null);
    for (const role of ["viewer", "editor", "teamAdmin", "admin", "owner"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(TicketLayout(props(a.org.slug, own))), role).toBe("rendered");
      expect(await statusOf(TicketPage(props(a.org.slug, own))), role).toBe("rendered");
    }
    // A member of no team, another org's owner, an id that is not one: the same 404.
    signInAs(a.users.member);
    expect(await statusOf(TicketLayout(props(a.org.slug, own)))).toBe("404");
    signInAs(b.users.owner);
    expect(await statusOf(TicketLayout(props(b.org.slug, own)))).toBe("404");
    expect(await statusOf(TicketLayout(props(a.org.slug, own)))).toBe("404");
    signInAs(a.users.owner);
    expect(await statusOf(TicketLayout(props(a.org.slug, "not-a-uuid")))).toBe("404");
    // A deleted team's ticket stays readable by org admins (like unassigned findings), not by members.
    expect(await statusOf(TicketPage(props(a.org.slug, deletedTeam)))).toBe("rendered");
    signInAs(a.users.teamAdmin);
    expect(await statusOf(TicketLayout(props(a.org.slug, deletedTeam)))).toBe("404");
  });
});
