import type { TTicketDoc, TTicketInline } from "../../document";

// A ticket's text as Jira wiki markup (Data Center / Server, REST v2). Text from findings (pod
// names, image tags, messages) is escaped so that "*", "_", "{", "[", "|" and friends stay text.

/** Characters the wiki renderer reads as markup; a backslash before one keeps it literal. */
const SPECIAL = /[*_?\-+^~{}[\]|!#\\]/g;

export function escapeWiki(text: string): string {
  // A backslash pair is a line break in wiki markup, so a literal backslash is an entity.
  return text.replace(SPECIAL, (c) => (c === "\\" ? "&#92;" : `\\${c}`));
}

/** A URL inside [text|url]: characters that would end the link are percent-encoded. */
const linkTarget = (href: string) =>
  href.replace(/[|[\]\s{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);

function inline(run: TTicketInline): string {
  if (run.text === "") return "";
  let out = escapeWiki(run.text);
  if (run.code) out = `{{${out}}}`;
  else if (run.bold) out = `*${out}*`;
  if (run.href && /^https?:\/\//i.test(run.href)) out = `[${out}|${linkTarget(run.href)}]`;
  return out;
}

const inlines = (runs: TTicketInline[]) => runs.map(inline).join("");

export function toWiki(doc: TTicketDoc): string {
  return doc.blocks
    .map((block) => {
      switch (block.type) {
        case "heading":
          return `h3. ${escapeWiki(block.text)}`;
        case "paragraph":
          return inlines(block.content);
        case "bullets":
          return block.items.map((item) => `* ${inlines(item)}`).join("\n");
        case "code":
          // Nothing is read as markup inside {noformat}; only its own closing tag must be broken.
          return `{noformat}\n${block.text.replaceAll("{noformat}", "{ noformat}")}\n{noformat}`;
      }
    })
    .join("\n\n");
}
