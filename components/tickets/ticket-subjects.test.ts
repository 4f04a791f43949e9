import { describe, expect, it } from "vitest";
import { ticketChipLabel } from "./ticket-chip-label";
import { parseTicketListParams, ticketListHref } from "./ticket-list-params";
import { alertGroupSubject, describeSubject, findingSubjectChoices, selectionSubject } from "./ticket-subjects";

const payments = { slug: "payments", name: "Payments" };
const CLUSTER = "0f0e0d0c-0b0a-4908-8706-050403020100";
const ID_A = "5b0c6f0e-2f4a-4f57-9a7e-0c1d2e3f4a5b";
const ID_B = "6c1d7f1f-3f5b-4a68-8b8f-1d2e3f4a5b6c";

describe("ticket subjects", () => {
  it("offers a finding's whole check in its team first, then the finding alone", () => {
    const choices = findingSubjectChoices({ id: ID_A, source: "polaris", checkId: "runAsRoot", teamName: "Payments" });
    expect(choices.map((c) => c.label)).toEqual([
      "All findings of this check in Payments (recommended)",
      "Only this finding",
    ]);
    expect(choices[0].subject).toEqual({ kind: "check", source: "polaris", checkId: "runAsRoot", clusterId: null });
    expect(choices[1].subject).toEqual({ kind: "findings", findingIds: [ID_A] });
  });

  it("reads an alert group's check, and its cluster only when grouped by check and cluster", () => {
    const group = {
      kind: "findings",
      teamId: "t",
      subject: "kube-bench/1.2.3",
      grouping: "check_cluster",
      scope: { cluster: "prod" },
    };
    const clusters = new Map([["prod", CLUSTER]]);
    expect(alertGroupSubject(group, clusters)).toEqual({
      kind: "check",
      source: "kube-bench",
      checkId: "1.2.3",
      clusterId: CLUSTER,
    });
    expect(alertGroupSubject({ ...group, grouping: "check_namespace" }, clusters)).toMatchObject({ clusterId: null });
    expect(alertGroupSubject({ ...group, subject: "polaris/a/b" }, clusters)).toMatchObject({ checkId: "a/b" });
    // Not findings, or nobody's: no ticket offered.
    expect(alertGroupSubject({ ...group, kind: "stale_cluster" }, clusters)).toBeNull();
    expect(alertGroupSubject({ ...group, teamId: null }, clusters)).toBeNull();
    expect(alertGroupSubject({ ...group, subject: "broken" }, clusters)).toBeNull();
  });

  it("makes one ticket of a selection only when it is one team's findings the viewer may triage", () => {
    const row = (id: string, team: typeof payments | null, canTriage = true) => ({ id, team, canTriage });
    expect(selectionSubject([row(ID_A, payments), row(ID_B, payments)])).toEqual({
      ok: true,
      team: payments,
      subject: { kind: "findings", findingIds: [ID_A, ID_B] },
    });
    const mixed = selectionSubject([row(ID_A, payments), row(ID_B, { slug: "web", name: "Web" })]);
    expect(mixed).toMatchObject({ ok: false, message: expect.stringContaining("2 teams (Payments, Web)") });
    expect(selectionSubject([row(ID_A, null)])).toMatchObject({
      ok: false,
      message: expect.stringContaining("no team"),
    });
    expect(selectionSubject([row(ID_A, payments, false)])).toMatchObject({ ok: false });
    expect(selectionSubject([])).toMatchObject({ ok: false });
  });

  it("describes a ticket's subject in words", () => {
    expect(
      describeSubject({ kind: "check", source: "polaris", checkId: "runAsRoot", clusterId: null }, "Payments"),
    ).toBe("Check polaris/runAsRoot in team Payments");
    expect(
      describeSubject({ kind: "check", source: "polaris", checkId: "x", clusterId: CLUSTER }, "Payments", "prod"),
    ).toBe("Check polaris/x on cluster prod in team Payments");
    expect(describeSubject({ kind: "cve", vulnerabilityId: "CVE-2024-3094" }, "Web")).toBe("CVE-2024-3094 in team Web");
    expect(describeSubject({ kind: "findings", findingIds: [ID_A, ID_B] }, null)).toBe("2 chosen findings");
  });
});

describe("ticket chip label", () => {
  it("says the key and the provider's status, and names itself for screen readers", () => {
    expect(ticketChipLabel({ provider: "jira", key: "PAY-12", state: "open", providerStatus: "In Progress" })).toEqual({
      text: "PAY-12 · In Progress",
      name: "Ticket PAY-12, In Progress",
    });
    expect(ticketChipLabel({ provider: "github", key: "acme/pay#3", state: "done", providerStatus: "closed" })).toEqual(
      {
        text: "acme/pay#3 · Done",
        name: "Ticket acme/pay#3, Done",
      },
    );
    expect(ticketChipLabel({ provider: "jira", key: null, state: "creating", providerStatus: "" })).toEqual({
      text: "Creating…",
      name: "Jira ticket, Creating…",
    });
    expect(ticketChipLabel({ provider: "jira", key: "PAY-1", state: "open", providerStatus: " " }).text).toBe(
      "PAY-1 · Open",
    );
  });
});

describe("ticket list params", () => {
  it("keeps a known state and a cursor, and ignores what does not parse", () => {
    expect(parseTicketListParams({ state: "open", cursor: "abc" })).toEqual({ state: "open", cursor: "abc" });
    expect(parseTicketListParams({ state: ["closed", "open"] })).toEqual({ state: "closed", cursor: null });
    expect(parseTicketListParams({ state: "all", cursor: "" })).toEqual({ cursor: null });
    expect(ticketListHref("/o/a/teams/t/tickets", "closed", "c1")).toBe("/o/a/teams/t/tickets?state=closed&cursor=c1");
    expect(ticketListHref("/o/a/teams/t/tickets", undefined)).toBe("/o/a/teams/t/tickets");
  });
});
