import { describe, expect, it } from "vitest";
import { parseIssueRef, stateOf, toProviderIssue } from "./issue";

const project = { owner: "acme", repo: "payments" };

describe("GitHub issue references", () => {
  it.each([
    ["Acme/Payments#12", { owner: "Acme", repo: "Payments", number: 12 }],
    ["#12", { owner: "acme", repo: "payments", number: 12 }],
    ["12", { owner: "acme", repo: "payments", number: 12 }],
    ["https://github.com/acme/platform/issues/7", { owner: "acme", repo: "platform", number: 7 }],
  ])("reads %s", (reference, ref) => {
    expect(parseIssueRef(reference, project, "github.com")).toEqual({ ok: true, ref });
  });

  it("accepts only links on the connection's host, and issues only", () => {
    expect(parseIssueRef("https://ghe.example.com/acme/x/issues/3", null, "ghe.example.com").ok).toBe(true);
    expect(parseIssueRef("https://github.com/acme/x/issues/3", null, "ghe.example.com")).toMatchObject({ ok: false });
    expect(parseIssueRef("https://github.com/acme/x/pull/3", null, "github.com")).toMatchObject({ ok: false });
    expect(parseIssueRef("#3", null, "github.com")).toMatchObject({
      ok: false,
      error: expect.stringContaining("owner/repo#12"),
    });
  });

  it("maps GitHub's state and reason, and names the issue in its display case", () => {
    expect([
      stateOf("open", null),
      stateOf("closed", "completed"),
      stateOf("closed", "not_planned"),
      stateOf("closed", "duplicate"),
      stateOf("closed", null),
    ]).toEqual(["open", "done", "wont_do", "wont_do", "done"]);
    const issue = toProviderIssue(
      {
        number: 4,
        title: "t",
        html_url: "https://github.com/Acme/Payments/issues/4",
        state: "closed",
        state_reason: "not_planned",
        labels: ["a", { name: "b" }, null],
      },
      { owner: "acme", repo: "payments", number: 4 },
    );
    expect(issue).toMatchObject({
      externalId: "acme/payments#4",
      key: "Acme/Payments#4",
      status: "closed (not_planned)",
      labels: ["a", "b"],
    });
  });
});
