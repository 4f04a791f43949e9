import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENT_CATALOG } from "@/lib/domain/notification-events";
import {
  connectionFacts,
  connectionOptions,
  deleteConnectionText,
  demoServiceLinks,
  eventAreas,
  personalDigestName,
  requiredByOrg,
  scheduleText,
  slackChannelValue,
  targetFieldOf,
  timeZoneOptions,
  whereText,
} from "./page-state";
import { ZSubscriptionInput } from "./schemas";
import { subscriptionInputFromForm } from "./ui-form";

describe("notification pages' wording", () => {
  it("says when a digest goes out, in the zone it is read in", () => {
    expect(scheduleText({ digestPeriod: "daily", digestHour: 7, digestWeekday: null }, "Europe/Berlin")).toBe(
      "Every day at 07:00 (Europe/Berlin)",
    );
    expect(scheduleText({ digestPeriod: "weekly", digestHour: 16, digestWeekday: 5 }, "UTC")).toBe(
      "Fridays at 16:00 (UTC)",
    );
  });

  it("shows a connection's settings, never anything it was not given", () => {
    expect(connectionFacts({ kind: "slack", settings: {} })).toEqual([]);
    expect(connectionFacts({ kind: "slack", settings: { workspace: "Acme", botName: "bumpers" } })).toEqual([
      { label: "Workspace", value: "Acme" },
      { label: "Bot", value: "@bumpers" },
    ]);
    expect(
      connectionFacts({
        kind: "email",
        settings: { host: "smtp.example.com", port: 465, security: "tls", from: "b@example.com", user: "" },
      }),
    ).toEqual([
      { label: "Server", value: "smtp.example.com:465" },
      { label: "Security", value: "TLS" },
      { label: "From", value: "b@example.com" },
    ]);
    expect(connectionFacts({ kind: "webhook", settings: { host: "hooks.example.com" } })).toEqual([
      { label: "Host", value: "hooks.example.com" },
    ]);
  });

  it("names where a subscription goes: the connection and its channel, or Bumpers' own mail", () => {
    const base = { connectionId: "c1", connectionName: "Acme Slack", channel: "slack" as const };
    expect(whereText({ ...base, target: "C0ALERTS", targetLabel: "#alerts" })).toBe("Acme Slack · #alerts");
    expect(whereText({ ...base, channel: "webhook", target: "", targetLabel: "" })).toBe("Acme Slack");
    expect(
      whereText({ connectionId: null, connectionName: null, channel: "email", target: "a@x.io", targetLabel: "" }),
    ).toBe("Email through Bumpers · a@x.io");
  });

  it("groups every team event of the catalog by area, in its order, each once", () => {
    const areas = eventAreas();
    expect(areas.map((a) => a.area)).toEqual(["Findings", "Cost", "Clusters", "Admission", "CI", "PagerDuty"]);
    expect(areas.flatMap((a) => a.events)).toEqual(
      NOTIFICATION_EVENT_CATALOG.filter((e) => !e.personal && !e.ruleOnly),
    );
  });

  it("refuses a subscription to an automation rule's own messages", () => {
    const parsed = ZSubscriptionInput.safeParse({ name: "Rules", events: ["automation.rule_matched"] });
    expect(parsed.success).toBe(false);
    expect(ZSubscriptionInput.safeParse({ name: "Rules", events: ["finding_group.opened"] }).success).toBe(true);
  });

  it("offers each usable connection, then the install's mail, and asks for what the kind needs", () => {
    const options = connectionOptions([
      { id: "c1", name: "Acme Slack", kind: "slack", teamName: null },
      { id: "c2", name: "Payments hook", kind: "webhook", teamName: "Payments" },
    ]);
    expect(options).toEqual([
      { value: "c1", label: "Acme Slack (Slack app)" },
      { value: "c2", label: "Payments hook (Webhook, Payments)" },
      { value: "", label: "Email through this Bumpers server" },
    ]);
    expect(targetFieldOf("slack")).toBe("channel");
    expect(targetFieldOf("email")).toBe("addresses");
    expect(targetFieldOf(null)).toBe("addresses");
    expect(targetFieldOf("teams")).toBe("none");
  });

  it("posts the picked Slack channel so that the form reader keeps its id and its name", () => {
    const form = new FormData();
    form.set("name", "Alerts");
    form.set("connectionId", "9f0c2a4e-8d1b-4c3a-9e2f-1a2b3c4d5e6f");
    form.set("channel", slackChannelValue("C00000ALERTS", "#alerts"));
    expect(subscriptionInputFromForm(form)).toMatchObject({ target: "C00000ALERTS", targetLabel: "#alerts" });
  });

  it("lists as required only the organization's enabled baseline subscriptions", () => {
    const subs = [
      { name: "a", baseline: true, enabled: true },
      { name: "b", baseline: true, enabled: false },
      { name: "c", baseline: false, enabled: true },
    ];
    expect(requiredByOrg(subs).map((s) => s.name)).toEqual(["a"]);
  });

  it("offers UTC first, and keeps a zone the runtime does not list", () => {
    expect(timeZoneOptions(["Europe/Berlin", "UTC", "Asia/Tokyo"], "UTC")).toEqual([
      "UTC",
      "Europe/Berlin",
      "Asia/Tokyo",
    ]);
    expect(timeZoneOptions(["Europe/Berlin"], "America/Nuuk")).toEqual(["UTC", "America/Nuuk", "Europe/Berlin"]);
  });

  it("links the local demo services that are set, and none otherwise", () => {
    expect(demoServiceLinks({})).toEqual([]);
    expect(
      demoServiceLinks({ BUMPERS_DEMO_INBOX_URL: "http://127.0.0.1:8025/", BUMPERS_DEMO_SLACK_URL: undefined }),
    ).toEqual([{ label: "Local inbox", description: "Every mail Bumpers sent.", href: "http://127.0.0.1:8025/" }]);
  });

  it("says what goes with a deleted connection, and names a personal digest", () => {
    expect(deleteConnectionText(0)).toBe("No subscription uses it.");
    expect(deleteConnectionText(1)).toBe("1 subscription that uses it is deleted with it.");
    expect(deleteConnectionText(3)).toBe("3 subscriptions that use it are deleted with it.");
    expect(personalDigestName("Payments", "weekly")).toBe("Payments weekly digest");
  });
});
