import { describe, expect, it } from "vitest";
import {
  branchesDescription,
  branchTotals,
  ciFindingsBody,
  ciFindingsHeading,
  ciPageKind,
  cleanText,
  parseCiSelection,
} from "./page-state";

describe("what a CI tab link selects", () => {
  it("reads the team, repository and branch (the first of repeated values)", () => {
    expect(parseCiSelection({ team: ["payments", "x"], repository: "acme/shop", branch: "main" })).toEqual({
      team: "payments",
      repository: "acme/shop",
      branch: "main",
    });
  });

  it("drops a branch without its repository, and values the link cannot mean", () => {
    expect(parseCiSelection({ branch: "main" })).toEqual({ team: undefined, repository: null, branch: null });
    expect(parseCiSelection({ repository: "", branch: "" })).toEqual({
      team: undefined,
      repository: null,
      branch: null,
    });
    expect(parseCiSelection({ repository: "acme/shop", branch: "x".repeat(300) })).toMatchObject({ branch: null });
    expect(parseCiSelection({})).toEqual({ team: undefined, repository: null, branch: null });
  });
});

describe("the CI tab's state", () => {
  it("explains the setup until a first scan arrives", () => {
    expect(ciPageKind({ anyScan: false, branchRows: 0, scanFound: false })).toBe("setup");
  });

  it("says nothing is visible when no branch matches and no named branch was found", () => {
    expect(ciPageKind({ anyScan: true, branchRows: 0, scanFound: false })).toBe("nothing-visible");
    expect(ciPageKind({ anyScan: true, branchRows: 0, scanFound: true })).toBe("results");
    expect(ciPageKind({ anyScan: true, branchRows: 2, scanFound: false })).toBe("results");
  });

  it("shows the findings, a clean bill, a stale page or an unseen branch", () => {
    expect(ciFindingsBody({ branch: "main", scanFound: false, count: 0 })).toBe("unseen-branch");
    expect(ciFindingsBody({ branch: null, scanFound: false, count: null })).toBe("bad-page");
    expect(ciFindingsBody({ branch: "main", scanFound: true, count: 0 })).toBe("clean");
    expect(ciFindingsBody({ branch: null, scanFound: false, count: 4 })).toBe("list");
  });
});

describe("the CI tab's wording", () => {
  const branches = {
    rows: [
      { open: 3, blocking: 1 },
      { open: 2, blocking: 0 },
    ],
    truncated: false,
  };

  it("totals the listed branches, unless the list is cut", () => {
    expect(branchTotals(branches)).toBe("5 open, 1 blocking, on 2 branches. ");
    expect(branchTotals({ rows: [{ open: 4, blocking: 0 }], truncated: false })).toBe("4 open on 1 branch. ");
    expect(branchTotals({ ...branches, truncated: true })).toBe("");
    expect(branchTotals({ rows: [], truncated: false })).toBe("");
  });

  it("titles the findings card by the repository", () => {
    expect(ciFindingsHeading(null, branches)).toEqual({
      title: "Open findings",
      description:
        "5 open, 1 blocking, on 2 branches. On every branch, as its latest scan left them. Blocking checks first, then by severity.",
    });
    expect(ciFindingsHeading("acme/shop", branches).title).toBe("Open findings in acme/shop");
  });

  it("says how many branches are listed and what a clean scan means", () => {
    expect(branchesDescription(true, 50)).toMatch(/^The 50 most recently scanned branches/);
    expect(branchesDescription(false, 50)).toMatch(/^The latest scan of each branch/);
    expect(cleanText("main")).toBe("The latest scan of main found no failing checks.");
    expect(cleanText(null)).toBe("The latest scans of these branches found no failing checks.");
  });
});
