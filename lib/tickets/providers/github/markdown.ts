import type { TTicketBlock, TTicketDoc, TTicketInline } from "../../document";

// A ticket document as GitHub-flavoured Markdown. Text from findings (resource names, messages
// from scanners) is escaped so it stays text: no accidental emphasis, links, HTML, tables or
// headings, and no "@team" mention that would page a GitHub team from a pod's name.

/** GitHub refuses bodies over 65,536 characters (422, field "body"). */
export const GITHUB_BODY_LIMIT = 65_536;
const CUT_NOTE = "\n\n_(cut: the full text is in Bumpers)_";

const PUNCTUATION = /[\\`*_[\]{}()<>#+!|~&]/g;

/** Plain text, escaped for Markdown (inline). */
export function escapeMarkdown(value: string): string {
  return (
    value
      .replace(PUNCTUATION, (c) => `\\${c}`)
      // A zero-width joiner keeps the "@" visible but stops GitHub from mentioning anyone.
      .replace(/@(?=[A-Za-z0-9])/g, "@\u200d")
      .split("\n")
      // What only means something at the start of a line: list markers, quotes, ordered lists, rules.
      .map((line) => line.replace(/^(\s*)(-|=|\d+(?=[.)]))/, (_m, space: string, mark: string) => `${space}\\${mark}`))
      .join("  \n")
  );
}

/** Inline code with a fence longer than any run of backticks inside it. */
function inlineCode(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
  return `${fence}${pad}${value.replace(/\n/g, " ")}${pad}${fence}`;
}

/** Only web links: a javascript: or data: URL from a finding is shown as text. */
function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:"
      ? url.href.replace(/[()<>\s]/g, encodeURIComponent)
      : null;
  } catch {
    return null;
  }
}

function inline(run: TTicketInline): string {
  let out = run.code ? inlineCode(run.text) : escapeMarkdown(run.text);
  if (run.bold && out.trim()) out = `**${out}**`;
  const href = run.href ? safeHref(run.href) : null;
  return href ? `[${out}](${href})` : out;
}

const inlines = (runs: TTicketInline[]) => runs.map(inline).join("");

function block(b: TTicketBlock): string {
  if (b.type === "heading") return `### ${escapeMarkdown(b.text.replace(/\n/g, " "))}`;
  if (b.type === "paragraph") return inlines(b.content);
  if (b.type === "bullets") return b.items.map((item) => `- ${inlines(item).replace(/ {2}\n/g, "  \n  ")}`).join("\n");
  const longest = Math.max(2, ...(b.text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${b.text}\n${fence}`;
}

/** The document as Markdown, cut to GitHub's limit. */
export function toMarkdown(doc: TTicketDoc, limit = GITHUB_BODY_LIMIT): string {
  const out = doc.blocks.map(block).join("\n\n");
  if (out.length <= limit) return out;
  return `${out.slice(0, limit - CUT_NOTE.length)}${CUT_NOTE}`;
}
