import { describe, expect, it } from "vitest";
import { checkById } from "@/lib/policies/checks";
import { remediationBlocks } from "./remediation-blocks";

describe("remediationBlocks", () => {
  it("splits a check's remediation into prose and its fenced YAML snippet", () => {
    const blocks = remediationBlocks(checkById("runAsPrivileged")!.remediation);
    expect(blocks.map((b) => b.type)).toEqual(["text", "code"]);
    expect(blocks[1]).toMatchObject({ language: "yaml" });
    expect(blocks[1].value).toContain("privileged: false");
    expect(blocks[1].value).not.toContain("```");
  });

  it("keeps text after a snippet and plain text without one", () => {
    expect(remediationBlocks("Before.\n\n```\na: 1\n```\nAfter `x`.")).toEqual([
      { type: "text", value: "Before." },
      { type: "code", language: "", value: "a: 1" },
      { type: "text", value: "After `x`." },
    ]);
    expect(remediationBlocks("Only prose.")).toEqual([{ type: "text", value: "Only prose." }]);
  });
});
