import { describe, expect, it } from "vitest";
import { bold, code, link, paragraph, text } from "../../document";
import { escapeMarkdown, toMarkdown } from "./markdown";

describe("GitHub Markdown of a ticket", () => {
  it("keeps scanner text as text: no emphasis, links, HTML, lists or mentions", () => {
    expect(escapeMarkdown("*pod* [x](javascript:1) <img> @platform-team")).toBe(
      "\\*pod\\* \\[x\\]\\(javascript:1\\) \\<img\\> @\u200dplatform-team",
    );
    expect(escapeMarkdown("- not a list\n1. nor this")).toBe("\\- not a list  \n\\1. nor this");
  });

  it("renders headings, bold, code, links and code blocks", () => {
    const md = toMarkdown({
      blocks: [
        { type: "heading", text: "What" },
        paragraph(bold("Check"), text(": "), code("a`b"), text(" "), link("finding", "https://bumpers.example/f/1")),
        { type: "bullets", items: [[text("pod-a")], [text("pod_b")]] },
        { type: "code", text: "kubectl get pods\n```" },
      ],
    });
    expect(md).toBe(
      "### What\n\n**Check**: ``a`b`` [finding](https://bumpers.example/f/1)\n\n- pod-a\n- pod\\_b\n\n````\nkubectl get pods\n```\n````",
    );
  });

  it("shows a link that is not http(s) as text, and cuts a body to GitHub's limit", () => {
    expect(toMarkdown({ blocks: [paragraph(link("x", "javascript:alert(1)"))] })).toBe("x");
    const long = toMarkdown({ blocks: [paragraph(text("a".repeat(70_000)))] });
    expect(long.length).toBe(65_536);
    expect(long.endsWith("_(cut: the full text is in Bumpers)_")).toBe(true);
  });
});
