import "server-only";
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { Tx } from "@/lib/server/db";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { MAX_RULES_PER_LIST, ZAutomationRuleInput, type TAutomationRuleDraft } from "../schemas";
import { fileToInput, filePathOf, ZFileRule, ZRulesFile } from "./yaml-format";
import { loadNameDirectory, type TNameDirectory } from "./yaml-names";
import { assertRuleAllowed } from "./write-checks";

// Reading a rules file: YAML syntax, the file's shape, every rule through ZAutomationRuleInput and
// the same checks as saving one, all before anything is written. Every problem is reported with
// its path and, where the yaml package knows it, its line.

/** A file's problem: where (dotted path and line) and what. */
export type TYamlIssue = { path: string; line: number | null; message: string };

/** One list as the file wants it, in order. */
export type TImportedList = { teamId: string | null; slug: string | null; rules: TAutomationRuleDraft[] };

export type TParsedRulesFile = { lists: TImportedList[]; names: TNameDirectory };

const MAX_FILE_BYTES = 1_000_000;

function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number | null {
  // The deepest node the path reaches (a missing key is reported at its parent).
  for (let n = path.length; n >= 0; n--) {
    // A map's key is reported where the key is written, not where its value starts.
    const parent = n === 0 ? null : n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
    }
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

function refuse(issues: TYamlIssue[]): never {
  const first = issues[0];
  const where = first.line ? `line ${first.line}` : first.path || "the file";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  throw new AppError("bad_request", `The rules file is not valid: ${where}: ${first.message}${more}`, { issues });
}

/** Parses and checks the whole file against the org; throws a 400 listing every problem. */
export async function parseRulesFile(orgId: string, text: string): Promise<TParsedRulesFile> {
  if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) {
    refuse([{ path: "", line: null, message: "The file is larger than 1 MB." }]);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length) {
    refuse(doc.errors.map((e) => ({ path: "", line: e.linePos?.[0].line ?? null, message: e.message.split("\n")[0] })));
  }
  const issues: TYamlIssue[] = [];
  const report = (path: (string | number)[], message: string) =>
    issues.push({ path: path.join("."), line: lineOf(doc, counter, path), message });

  const file = ZRulesFile.safeParse(doc.toJS() ?? {});
  if (!file.success) {
    for (const i of file.error.issues) report(i.path as (string | number)[], i.message);
    refuse(issues);
  }
  const names = await loadNameDirectory(orgId);
  const lists: TImportedList[] = [{ teamId: null, slug: null, rules: [] }];
  for (const slug of Object.keys(file.data.teams)) {
    const teamId = names.teams.idOf(slug);
    if (!teamId || names.teamSlugs.get(teamId) !== slug) report(["teams", slug], `No team with the slug “${slug}”.`);
    else lists.push({ teamId, slug, rules: [] });
  }
  const reader = db as unknown as Tx;
  for (const list of lists) {
    const base: (string | number)[] = list.slug ? ["teams", list.slug] : ["rules"];
    const raw = (list.slug ? file.data.teams[list.slug] : file.data.rules) ?? [];
    if (raw.length > MAX_RULES_PER_LIST) report(base, `A list holds at most ${MAX_RULES_PER_LIST} rules.`);
    const seen = new Set<string>();
    for (const [i, item] of raw.entries()) {
      const at = (path: readonly (string | number)[]) => [...base, i, ...path];
      const shape = ZFileRule.safeParse(item);
      if (!shape.success) {
        for (const issue of shape.error.issues) report(at(issue.path as (string | number)[]), issue.message);
        continue;
      }
      const { input, issues: missing } = fileToInput(shape.data, names);
      for (const m of missing) report(at(m.path), m.message);
      const parsed = ZAutomationRuleInput.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          report(at(filePathOf(issue.path as (string | number)[])), issue.message);
        continue;
      }
      // Rules are matched by name within their list, so a name says which rule a change is to.
      if (seen.has(parsed.data.name))
        report(at(["name"]), `Another rule of this list is already named “${parsed.data.name}”.`);
      seen.add(parsed.data.name);
      if (missing.length) continue;
      try {
        await assertRuleAllowed(reader, orgId, list.teamId, parsed.data);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const field = (err.details as { field?: string } | undefined)?.field;
        report(
          at(field ? filePathOf(field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))) : []),
          err.message,
        );
        continue;
      }
      list.rules.push(parsed.data);
    }
  }
  if (issues.length) refuse(issues);
  return { lists, names };
}
