import { describe, expect, it } from "vitest";
import { bold, code, link, paragraph, text } from "../../document";
import { adfToText, toAdf } from "./adf";
import { chooseTransition, stateOf } from "./state";
import { escapeWiki, toWiki } from "./wiki";

describe("Jira renderers", () => {
  const doc = {
    blocks: [
      { type: "heading" as const, text: "What fails" },
      paragraph(bold("pay-api"), text(" in "), link("prod|eu", "https://bumpers.example/f?a=1|2")),
      { type: "bullets" as const, items: [[code("{{image}}")], [text("- not a list")]] },
      { type: "code" as const, text: "a {noformat} b" },
    ],
  };

  it("writes wiki markup with finding text kept literal", () => {
    expect(escapeWiki("a*b_c[d]|e{f}!g#h\\i")).toBe("a\\*b\\_c\\[d\\]\\|e\\{f\\}\\!g\\#h&#92;i");
    expect(toWiki(doc)).toBe(
      [
        "h3. What fails",
        "*pay\\-api* in [prod\\|eu|https://bumpers.example/f?a=1%7C2]",
        "* {{\\{\\{image\\}\\}}}\n* \\- not a list",
        "{noformat}\na { noformat} b\n{noformat}",
      ].join("\n\n"),
    );
  });

  it("writes Atlassian documents, and reads them back as text", () => {
    const adf = toAdf(doc);
    expect(adf.content[1]).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "pay-api", marks: [{ type: "strong" }] },
        { type: "text", text: " in " },
        {
          type: "text",
          text: "prod|eu",
          marks: [{ type: "link", attrs: { href: "https://bumpers.example/f?a=1|2" } }],
        },
      ],
    });
    expect(adfToText(adf)).toBe("What fails\npay-api in prod|eu\n{{image}}\n- not a list\na {noformat} b");
  });

  it("reads states and picks transitions", () => {
    expect(stateOf("done", "Won't Do")).toBe("wont_do");
    expect(stateOf("done", "Duplicate")).toBe("wont_do");
    expect(stateOf("done", "Fixed")).toBe("done");
    expect(stateOf("indeterminate", null)).toBe("open");
    const offered = [
      { id: "41", name: "Won't do", to: { statusCategory: { key: "done" } } },
      { id: "31", name: "Close", to: { statusCategory: { key: "done" } } },
      { id: "11", name: "Start", to: { statusCategory: { key: "indeterminate" } } },
    ];
    expect(chooseTransition(offered, "done", "")?.id).toBe("31");
    expect(chooseTransition(offered, "wont_do", "")?.id).toBe("41");
    expect(chooseTransition(offered, "done", "won't DO")?.id).toBe("41");
    expect(chooseTransition(offered, "reopen", "")?.id).toBe("11");
  });
});
