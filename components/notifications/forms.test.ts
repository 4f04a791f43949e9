import { createElement, type ComponentProps, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  savePersonalSubscriptionAction,
  saveConnectionAction,
  saveSubscriptionAction,
  setCostAnomalyFactorAction,
} from "@/lib/notifications/actions";
import { getCostAnomalyFactor } from "@/lib/notifications/sources/cost-anomaly-factor";
import { listConnections } from "@/lib/notifications/connections/queries";
import { connectionChoices } from "@/lib/notifications/page-state";
import { createConnection } from "@/lib/notifications/connections/write";
import { getSubscription, listPersonalSubscriptions } from "@/lib/notifications/subscriptions/queries";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { createTestTenant } from "@/lib/testing/factories";
import { formDataOf } from "@/lib/testing/form-markup";
import { signInAs } from "@/lib/testing/session";
import { ConnectionForm } from "./connection-form";
import { AssignedFindingsToggle } from "./assigned-findings-toggle";
import { CostAnomalyForm } from "./cost-anomaly-form";
import { PersonalDigestForm } from "./personal-digest-form";
import { SubscriptionForm } from "./subscription-form";

// The notification forms post exactly what their actions read (lib/notifications/ui-form.ts): each
// form is rendered as the server renders it, its fields are read the way a browser would post
// them, what a person types is filled in, and the action must save it as the form showed it.

const noop = () => {};
const render = <P extends object>(component: FunctionComponent<P>, props: P) =>
  formDataOf(renderToStaticMarkup(createElement(component, props)));

describe("notification forms", () => {
  it("a new organization subscription, left as the form suggests, saves the suggested events and match", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const form = render(SubscriptionForm, {
      owner: { orgSlug: t.org.slug, teamSlug: "" },
      connections: [],
      timeZone: "UTC",
      onDone: noop,
      onCancel: noop,
    } satisfies ComponentProps<typeof SubscriptionForm>);
    form.set("name", "Security team by mail");
    form.set("target", "security@example.com, ciso@example.com");
    form.append("baseline", "on");
    const result = await saveSubscriptionAction(null, form);
    expect(result).toMatchObject({ ok: true });
    const saved = await getSubscription(t.org.id, (result as { data: { id: string } }).data.id);
    expect(saved).toMatchObject({
      kind: "events",
      connectionId: null,
      target: "security@example.com, ciso@example.com",
      events: ["finding_group.opened", "finding_group.reopened", "finding_group.fixed"],
      match: { minSeverity: "high", categories: [], checks: [] },
      grouping: "check",
      baseline: true,
      enabled: true,
    });
  });

  it("a team's digest, edited and saved unchanged, keeps its schedule, all-clear and channel", async () => {
    const t = await createTestTenant();
    const actor = { userId: t.users.teamAdmin.id, label: t.users.teamAdmin.email };
    const { connection } = await createConnection(
      t.org.id,
      actor,
      { teamId: t.team.id },
      { kind: "teams", name: "Payments Teams", url: "https://example.webhook.office.com/workflows/abc?sig=x" },
    );
    const settings = {
      name: "Friday digest",
      kind: "digest",
      connectionId: connection.id,
      digestPeriod: "weekly",
      digestWeekday: 5,
      digestHour: 16,
      sendEmpty: false,
      enabled: false,
    } as const;
    const digest = await createSubscription(t.org.id, actor, { teamId: t.team.id }, settings);
    signInAs(t.users.teamAdmin);
    const form = render(SubscriptionForm, {
      owner: { orgSlug: t.org.slug, teamSlug: t.team.slug },
      connections: connectionChoices(await listConnections(t.org.id, { teamId: t.team.id })),
      subscription: digest,
      timeZone: "Europe/Berlin",
      onDone: noop,
      onCancel: noop,
    });
    expect(await saveSubscriptionAction(null, form)).toMatchObject({ ok: true });
    expect(await getSubscription(t.org.id, digest.id)).toMatchObject(settings);
  });

  it("adds a Slack app connection with the kind's own fields, and an edit left empty keeps the token", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const owner = { orgSlug: t.org.slug, teamSlug: "" };
    const added = render(ConnectionForm, { owner, onDone: noop, onCancel: noop });
    added.set("name", "Acme Slack");
    added.set("botToken", "xoxb-1111-2222-abcdefghijklmnop");
    expect(await saveConnectionAction(null, added)).toMatchObject({
      ok: true,
      data: { connection: { kind: "slack", name: "Acme Slack", secretHint: "xoxb-…mnop" } },
    });
    const [connection] = await listConnections(t.org.id, { teamId: null });
    const edited = render(ConnectionForm, { owner, connection: connection!, onDone: noop, onCancel: noop });
    expect(edited.get("botToken")).toBe("");
    edited.set("name", "Acme workspace");
    expect(await saveConnectionAction(null, edited)).toMatchObject({
      ok: true,
      data: { connection: { name: "Acme workspace", secretHint: "xoxb-…mnop" } },
    });
  });

  it("subscribes a member to their team's digest, named after the team, at the hour they chose", async () => {
    const t = await createTestTenant();
    signInAs(t.users.viewer);
    const form = render(PersonalDigestForm, {
      orgSlug: t.org.slug,
      teams: [{ id: t.team.id, slug: t.team.slug, name: t.team.name, timeZone: "UTC" }],
      email: t.users.viewer.email,
    });
    form.set("digestHour", "7");
    expect(await savePersonalSubscriptionAction(null, form)).toMatchObject({ ok: true });
    const [mine] = await listPersonalSubscriptions(t.org.id, t.users.viewer.id);
    expect(mine).toMatchObject({
      name: `${t.team.name} weekly digest`,
      teamId: t.team.id,
      kind: "digest",
      digestHour: 7,
      digestWeekday: 1,
      sendEmpty: true,
      enabled: true,
    });
  });

  it("subscribes a member to the findings assigned to them", async () => {
    const t = await createTestTenant();
    signInAs(t.users.editor);
    const form = render(AssignedFindingsToggle, { orgSlug: t.org.slug, email: t.users.editor.email });
    expect(await savePersonalSubscriptionAction(null, form)).toMatchObject({ ok: true });
    const [mine] = await listPersonalSubscriptions(t.org.id, t.users.editor.id);
    expect(mine).toMatchObject({
      name: "Findings assigned to me",
      kind: "events",
      events: ["finding.assigned"],
      teamId: null,
    });
  });

  it("sets the cost anomaly factor, and refuses one outside 1.1–10 on its field", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const form = render(CostAnomalyForm, { orgSlug: t.org.slug, factor: 1.5 });
    form.set("costAnomalyFactor", "0.5");
    expect(await setCostAnomalyFactorAction(null, form)).toMatchObject({
      ok: false,
      error: { fieldErrors: { costAnomalyFactor: [expect.any(String)] } },
    });
    form.set("costAnomalyFactor", "2.5");
    expect(await setCostAnomalyFactorAction(null, form)).toMatchObject({ ok: true, data: { costAnomalyFactor: 2.5 } });
    expect(await getCostAnomalyFactor(t.org.id)).toBe(2.5);
  });
});
