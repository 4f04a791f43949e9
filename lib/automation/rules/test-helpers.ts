import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createConnection } from "@/lib/notifications/connections/write";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import type { TAutomationRuleInput } from "../schemas";

// A tenant with what rules name: an org Slack connection and one of the team's, an org PagerDuty
// destination and one of the other team's. Used by the verb, action, API and YAML tests.

export type TRuleTenant = Awaited<ReturnType<typeof createRuleTenant>>;

export async function createRuleTenant() {
  const t = await createTestTenant();
  const actor = actorFor(t.users.admin);
  const orgSlack = await createConnection(
    t.org.id,
    actor,
    { teamId: null },
    {
      kind: "slack",
      name: "Org Slack",
      botToken: "xoxb-1111-2222-abcdefghijklmnop",
    },
  );
  const teamSlack = await createConnection(
    t.org.id,
    actor,
    { teamId: t.team.id },
    {
      kind: "slack",
      name: "Team Slack",
      botToken: "xoxb-3333-4444-abcdefghijklmnop",
    },
  );
  const orgPager = await createDestination(t.org.id, actor, {
    name: "Platform on call",
    routingKey: "R0123456789abcdef0123456789abcde",
    teamId: null,
  });
  const otherTeamPager = await createDestination(t.org.id, actor, {
    name: "Other team on call",
    routingKey: "R0123456789abcdef0123456789abcdf",
    teamId: t.otherTeam.id,
  });
  return {
    ...t,
    actor,
    connections: { org: orgSlack.connection.id, team: teamSlack.connection.id },
    destinations: { org: orgPager.id, otherTeam: otherTeamPager.id },
  };
}

/** A small valid rule: kube-system on staging is low. */
export const lowKubeSystem = (overrides: Partial<TAutomationRuleInput> = {}): TAutomationRuleInput => ({
  name: "kube-system on staging is low",
  conditions: [
    { field: "namespace", values: ["kube-system"] },
    { field: "cluster", values: ["staging-*"] },
  ],
  actions: { severity: { to: "low", reason: "Platform noise on staging" }, addTags: ["platform"] },
  ...overrides,
});
