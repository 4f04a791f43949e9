import { describe, expect, it } from "vitest";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { resolveFindings, snoozeFindings, unresolveFindings } from "@/lib/findings/triage";
import { plainTextOf, type TTicketDoc } from "../document";
import { createTestTicket } from "@/lib/testing/tickets";
import { createTicketTenant, ticketCalls } from "./sync-testing";

describe("tickets after triage", () => {
  it("tells each ticket once how many of its findings a person resolved as won't fix, and why", async () => {
    const { t, connection, findingIds: ids } = await createTicketTenant("github", { count: 5 });
    const first = await createTestTicket({
      orgId: t.org.id,
      teamId: t.team.id,
      connectionId: connection.id,
      findingIds: ids.slice(0, 3),
    });
    const second = await createTestTicket({
      orgId: t.org.id,
      teamId: t.team.id,
      connectionId: connection.id,
      findingIds: ids.slice(3),
    });
    const scope = orgWideScope(t.org.id);
    const ctx = { scope, triageScope: scope, actor: { userId: t.users.editor.id, label: t.users.editor.email } };

    await resolveFindings(ctx, [ids[0]!, ids[1]!, ids[3]!], { resolution: "will_not_fix", reason: "Legacy batch job" });
    const calls = await ticketCalls(t.org.id);
    expect(calls.map((c) => [c.ticketId, c.op, plainTextOf(c.raw.body as TTicketDoc)])).toEqual(
      expect.arrayContaining([
        [
          first.id,
          "comment",
          `2 resources resolved as will not fix in Bumpers by ${t.users.editor.name}: Legacy batch job`,
        ],
        [
          second.id,
          "comment",
          `1 resource resolved as will not fix in Bumpers by ${t.users.editor.name}: Legacy batch job`,
        ],
      ]),
    );
    expect(calls).toHaveLength(2);

    await unresolveFindings(ctx, ids);
    await snoozeFindings(ctx, ids, { until: new Date(Date.now() + 86_400_000) });
    expect(await ticketCalls(t.org.id)).toHaveLength(2);
  });
});
