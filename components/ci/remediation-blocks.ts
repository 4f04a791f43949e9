export type TBlock = { type: "text"; value: string } | { type: "code"; value: string; language: string };

/** A check's remediation: prose with `code`, and fenced YAML snippets kept as written. */
export function remediationBlocks(text: string): TBlock[] {
  const blocks: TBlock[] = [];
  const fence = /```([\w-]*)\n([\s\S]*?)```/g;
  let from = 0;
  for (const match of text.matchAll(fence)) {
    const before = text.slice(from, match.index).trim();
    if (before) blocks.push({ type: "text", value: before });
    blocks.push({ type: "code", language: match[1], value: match[2].replace(/\n$/, "") });
    from = match.index + match[0].length;
  }
  const rest = text.slice(from).trim();
  if (rest) blocks.push({ type: "text", value: rest });
  return blocks;
}
