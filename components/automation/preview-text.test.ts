import { describe, expect, it } from "vitest";
import { changeText, previewSummary } from "./preview-text";

describe("preview text", () => {
  it("says how many findings match and what would change, field by field", () => {
    expect(
      previewSummary({
        inScope: 340,
        matched: 12,
        capped: false,
        result: {
          changedFindings: 9,
          changes: [
            { field: "severity", count: 9 },
            { field: "tags", count: 4 },
            { field: "due", count: 0 },
          ],
        },
      }),
    ).toBe("Matches 12 of 340 open findings; would change 9: severity on 9, tags on 4.");
    expect(previewSummary({ inScope: 1, matched: 0, capped: false, result: { changedFindings: 0, changes: [] } })).toBe(
      "Matches 0 of 1 open finding; would change nothing now.",
    );
    expect(
      previewSummary({
        inScope: 60_000,
        matched: 60_000,
        capped: true,
        result: { changedFindings: 50_000, changes: [] },
      }),
    ).toBe("Matches 60,000 of 60,000 open findings; would change 50,000 (counted on the first 50,000).");
  });

  it("shows a change as before → after", () => {
    expect(changeText({ field: "severity", from: "high", to: "low", ruleId: null, ruleName: null })).toBe(
      "severity: high → low",
    );
    expect(changeText({ field: "assignee", from: null, to: "ada@example.com", ruleId: null, ruleName: null })).toBe(
      "assignee: — → ada@example.com",
    );
  });
});
