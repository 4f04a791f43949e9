import type { TTicketDoc, TTicketInline } from "../../document";

// A ticket's text as Atlassian Document Format (Jira Cloud, REST v3), and ADF back to plain text
// (comment bodies in webhooks). ADF refuses empty text nodes, and the code mark combines with
// links only, so bold code is plain code.

export type TAdfNode = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: TAdfNode[];
};
export type TAdfDoc = { type: "doc"; version: 1; content: TAdfNode[] };

const isWebLink = (href: string) => /^https?:\/\//i.test(href);

function inlineNodes(runs: TTicketInline[]): TAdfNode[] {
  return runs
    .filter((run) => run.text !== "")
    .map((run) => {
      const marks: NonNullable<TAdfNode["marks"]> = [];
      if (run.code) marks.push({ type: "code" });
      else if (run.bold) marks.push({ type: "strong" });
      if (run.href && isWebLink(run.href)) marks.push({ type: "link", attrs: { href: run.href } });
      return { type: "text", text: run.text, ...(marks.length ? { marks } : {}) };
    });
}

const textNodes = (text: string): TAdfNode[] => (text ? [{ type: "text", text }] : []);

export function toAdf(doc: TTicketDoc): TAdfDoc {
  const content = doc.blocks.map((block): TAdfNode => {
    switch (block.type) {
      case "heading":
        return { type: "heading", attrs: { level: 3 }, content: textNodes(block.text) };
      case "paragraph":
        return { type: "paragraph", content: inlineNodes(block.content) };
      case "bullets":
        return {
          type: "bulletList",
          content: block.items.map((item) => ({
            type: "listItem",
            content: [{ type: "paragraph", content: inlineNodes(item) }],
          })),
        };
      case "code":
        return { type: "codeBlock", content: textNodes(block.text) };
    }
  });
  return { type: "doc", version: 1, content };
}

const BLOCKS = new Set(["paragraph", "heading", "codeBlock", "blockquote", "listItem", "rule", "panel"]);

/** The plain text of an ADF document: blocks on their own lines, mentions and emoji by their text. */
export function adfToText(node: unknown): string {
  if (!node || typeof node !== "object") return "";
  const n = node as TAdfNode;
  if (n.type === "text") return n.text ?? "";
  if (n.type === "hardBreak") return "\n";
  if (n.type === "mention" || n.type === "emoji") return String(n.attrs?.text ?? "");
  const inner = (n.content ?? []).map(adfToText);
  if (n.type === "doc" || n.type === "bulletList" || n.type === "orderedList") {
    return inner.filter(Boolean).join("\n");
  }
  const text = inner.join("");
  return BLOCKS.has(n.type) ? text.trim() : text;
}
