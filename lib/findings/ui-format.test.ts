import { describe, expect, it } from "vitest";
import {
  describeEvent,
  eligibleAssignees,
  formatAge,
  formatUntil,
  inlineSegments,
  packagesOf,
  paragraphs,
  triageNotice,
  wherePath,
} from "./ui-format";

const now = new Date("2026-03-10T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("ages", () => {
  it("reads like a person would say it", () => {
    expect(formatAge(ago(20), now)).toBe("just now");
    expect(formatAge(ago(5 * 60), now)).toBe("5 min ago");
    expect(formatAge(ago(3 * 3600), now)).toBe("3 h ago");
    expect(formatAge(ago(30 * 3600), now)).toBe("yesterday");
    expect(formatAge(ago(4 * 86_400), now)).toBe("4 days ago");
    expect(formatAge(ago(15 * 86_400), now)).toBe("2 weeks ago");
    expect(formatAge(ago(70 * 86_400), now)).toBe("2 months ago");
    expect(formatAge(ago(400 * 86_400), now)).toBe("1 year ago");
    // A clock slightly ahead of the database never says "in the future".
    expect(formatAge(new Date(now.getTime() + 5000), now)).toBe("just now");
  });

  it("says when a snooze ends", () => {
    expect(formatUntil(new Date(now.getTime() + 86_400_000), now)).toBe("tomorrow");
    expect(formatUntil(new Date(now.getTime() + 7 * 86_400_000), now)).toBe("in 7 days");
    expect(formatUntil(new Date(now.getTime() + 2 * 3600_000), now)).toBe("in 2 h");
    expect(formatUntil(ago(10), now)).toBe("now");
  });
});

describe("where a finding is", () => {
  const cluster = { name: "Production US East" };
  it("goes from the cluster down to the container", () => {
    expect(wherePath({ cluster, namespace: "payments", kind: "Deployment", name: "api", container: "app" })).toEqual([
      "Production US East",
      "payments",
      "Deployment api",
      "container app",
    ]);
  });

  it("does not repeat a namespace's own name, and leaves out what an image has not", () => {
    expect(wherePath({ cluster, namespace: "payments", kind: "Namespace", name: "payments", container: "" })).toEqual([
      "Production US East",
      "Namespace payments",
    ]);
    expect(wherePath({ cluster, namespace: "", kind: "Image", name: "nginx:1.25", container: "" })).toEqual([
      "Production US East",
      "Image nginx:1.25",
    ]);
  });
});

describe("history events in words", () => {
  const event = (
    kind: string,
    data: Record<string, unknown> = {},
    actor: { name: string } | null = { name: "Dana" },
  ) => ({
    kind,
    data,
    actor,
    reportId: null,
  });

  it("names the report for lifecycle events", () => {
    expect(describeEvent({ ...event("opened", {}, null), reportId: "r1" }, "polaris").text).toBe(
      "Found by the Polaris report",
    );
    expect(describeEvent(event("fixed", {}, null), "trivy").text).toBe("Fixed: no longer in the Trivy report");
    expect(describeEvent(event("reopened", {}, null), "kube-bench").text).toBe(
      "Reopened: back in the kube-bench report",
    );
  });

  it("says who decided what, with the reason or the note below", () => {
    const resolved = describeEvent(
      event("resolved", { resolution: "working_as_intended", reason: "Node exporter needs it." }),
      "polaris",
    );
    expect(resolved).toMatchObject({ text: "Dana resolved it: working as intended", quote: "Node exporter needs it." });
    expect(describeEvent(event("snoozed", { until: "2026-03-17T12:00:00Z" }), "polaris").text).toBe(
      "Dana snoozed it until Mar 17, 2026, 12:00 PM UTC",
    );
    expect(describeEvent(event("assigned", { assigneeName: "Lee" }), "polaris").text).toBe("Dana assigned it to Lee");
    expect(describeEvent(event("unassigned", { previousAssigneeName: "Lee" }), "polaris").text).toBe(
      "Dana unassigned Lee",
    );
    expect(describeEvent(event("commented", { text: "Ticket PAY-12" }), "polaris")).toMatchObject({
      text: "Dana wrote a note",
      quote: "Ticket PAY-12",
    });
  });

  it("names a token when no person acted, and tells an expired snooze apart", () => {
    expect(
      describeEvent(event("resolved", { actorLabel: "ci-token", resolution: "will_not_fix" }, null), "x").text,
    ).toBe("ci-token resolved it: will not fix");
    expect(describeEvent(event("unsnoozed", { expired: true }, null), "x").text).toBe("The snooze ended");
    expect(describeEvent(event("unsnoozed"), "x").text).toBe("Dana ended the snooze");
  });

  it("tells what happened with its ticket, and who closed it in Jira", () => {
    expect(describeEvent(event("ticket", { action: "created", key: "PAY-12" }), "x").text).toBe("Dana created PAY-12");
    expect(describeEvent(event("ticket", { action: "closed", key: "PAY-12" }, null), "x").text).toBe(
      "Bumpers closed PAY-12",
    );
    const closedThere = describeEvent(
      event(
        "resolved",
        { resolution: "ticket_closed", reason: "Closed as done in PAY-12", actorLabel: "PAY-12" },
        null,
      ),
      "x",
    );
    expect(closedThere).toMatchObject({
      text: "PAY-12 resolved it: closed in ticket",
      quote: "Closed as done in PAY-12",
    });
    expect(
      describeEvent(event("commented", { text: "Deploying Friday", ticket: "PAY-12", actorLabel: "Ana" }, null), "x"),
    ).toMatchObject({ text: "Ana commented on PAY-12", quote: "Deploying Friday" });
  });
});

describe("check texts", () => {
  it("turns backticks into code and URLs into links, and nothing into HTML", () => {
    expect(
      inlineSegments(
        "Remove `hostIPC: true` from <b>the</b> spec. See https://polaris.docs.fairwinds.com/checks/security.",
      ),
    ).toEqual([
      { type: "text", value: "Remove " },
      { type: "code", value: "hostIPC: true" },
      { type: "text", value: " from <b>the</b> spec. See " },
      { type: "link", value: "https://polaris.docs.fairwinds.com/checks/security" },
      { type: "text", value: "." },
    ]);
    expect(inlineSegments("javascript:alert(1)")).toEqual([{ type: "text", value: "javascript:alert(1)" }]);
  });

  it("splits paragraphs on blank lines", () => {
    expect(paragraphs("One.\n\n  Two\nstill two.\n\n\n")).toEqual(["One.", "Two\nstill two."]);
  });
});

describe("vulnerable packages", () => {
  it("reads Trivy evidence and ignores anything else", () => {
    expect(packagesOf({ packages: [{ name: "openssl", installed: "3.0.1", fixed: "3.0.7" }, "junk", null] })).toEqual([
      { name: "openssl", installed: "3.0.1", fixed: "3.0.7" },
    ]);
    expect(packagesOf({ level: "container" })).toEqual([]);
  });
});

describe("who can take findings", () => {
  const people = [
    { id: "a", name: "Admin", email: "a@x", orgAdmin: true, teams: [] },
    { id: "p", name: "Pay", email: "p@x", orgAdmin: false, teams: ["payments"] },
    { id: "b", name: "Both", email: "b@x", orgAdmin: false, teams: ["payments", "checkout"] },
  ];
  it("offers only people who can see every selected finding", () => {
    expect(eligibleAssignees(people, ["payments"]).map((p) => p.id)).toEqual(["a", "p", "b"]);
    expect(eligibleAssignees(people, ["payments", "checkout"]).map((p) => p.id)).toEqual(["a", "b"]);
    expect(eligibleAssignees(people, ["payments", null]).map((p) => p.id)).toEqual(["a"]);
  });
});

describe("triage outcomes", () => {
  it("counts what changed and what already was", () => {
    expect(triageNotice("Snoozed", { requested: 3, changedIds: ["a", "b", "c"] })).toBe("Snoozed 3 findings.");
    expect(triageNotice("Resolved", { requested: 3, changedIds: ["a", "b"] })).toBe(
      "Resolved 2 findings; 1 already was.",
    );
    expect(triageNotice("Assigned", { requested: 1, changedIds: [] })).toBe("Nothing changed: it already was.");
  });
});
