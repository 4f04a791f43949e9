// A ticket's text (its body, a comment) as structure, so that each provider gets its own markup
// from one source: Atlassian Document Format for Jira Cloud (REST v3), wiki markup for Jira Data
// Center / Server (REST v2), Markdown for GitHub. Renderers live next to each provider.

/** A run of text; `href` makes it a link. */
export type TTicketInline = { text: string; bold?: boolean; code?: boolean; href?: string };

export type TTicketBlock =
  | { type: "heading"; text: string }
  | { type: "paragraph"; content: TTicketInline[] }
  | { type: "bullets"; items: TTicketInline[][] }
  | { type: "code"; text: string };

export type TTicketDoc = { blocks: TTicketBlock[] };

export const text = (value: string): TTicketInline => ({ text: value });
export const bold = (value: string): TTicketInline => ({ text: value, bold: true });
export const code = (value: string): TTicketInline => ({ text: value, code: true });
export const link = (value: string, href: string): TTicketInline => ({ text: value, href });
export const paragraph = (...content: TTicketInline[]): TTicketBlock => ({ type: "paragraph", content });

/** The plain text of a document (logs, previews, search). */
export function plainTextOf(doc: TTicketDoc): string {
  const inline = (runs: TTicketInline[]) => runs.map((r) => r.text).join("");
  return doc.blocks
    .map((b) => {
      if (b.type === "heading" || b.type === "code") return b.text;
      if (b.type === "paragraph") return inline(b.content);
      return b.items.map((item) => `- ${inline(item)}`).join("\n");
    })
    .join("\n\n");
}
