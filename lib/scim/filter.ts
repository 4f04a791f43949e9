import { SCHEMA, type TResourceKind } from "./constants";
import { scimBadRequest } from "./errors";

// SCIM filters (RFC 7644 §3.4.2.2), the part identity providers send: `<attr> eq <value>` joined
// by `and`, with `emails[value eq "…"]` for a multi-valued attribute. Attribute names and
// operators are case-insensitive; values are JSON literals. Everything else is refused with
// invalidFilter rather than half-understood: a list that ignored part of a filter would answer
// "no such user" to an IdP about to create a duplicate.

export type TLiteral = string | number | boolean | null;
export type TComparison = { attribute: string; value: TLiteral };

export type TToken =
  | { kind: "name"; text: string; at: number }
  | { kind: "literal"; value: TLiteral; at: number }
  | { kind: "open" | "close" | "openParen" | "closeParen"; at: number };

const NAME = /[A-Za-z$][\w$:.-]*/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/** Splits filter text into names, literals and brackets; `fail` makes the error for the caller's context. */
export function tokenize(text: string, fail: (detail: string) => Error): TToken[] {
  const tokens: TToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const single = { "[": "open", "]": "close", "(": "openParen", ")": "closeParen" } as const;
    if (c in single) {
      tokens.push({ kind: single[c as keyof typeof single], at: i });
      i++;
      continue;
    }
    const read = (re: RegExp) => {
      re.lastIndex = i;
      const m = re.exec(text);
      return m ? m[0] : null;
    };
    const quoted = c === '"' ? read(STRING) : null;
    if (c === '"') {
      if (!quoted) throw fail(`The string starting at character ${i + 1} is not closed.`);
      let value: string;
      try {
        value = JSON.parse(quoted) as string;
      } catch {
        throw fail(`The string starting at character ${i + 1} has an invalid escape.`);
      }
      tokens.push({ kind: "literal", value, at: i });
      i += quoted.length;
      continue;
    }
    const number = /[-\d]/.test(c) ? read(NUMBER) : null;
    if (number) {
      tokens.push({ kind: "literal", value: Number(number), at: i });
      i += number.length;
      continue;
    }
    const name = read(NAME);
    if (!name) throw fail(`Unexpected "${c}" at character ${i + 1}.`);
    const lowered = name.toLowerCase();
    if (lowered === "true" || lowered === "false" || lowered === "null") {
      tokens.push({ kind: "literal", value: lowered === "null" ? null : lowered === "true", at: i });
    } else {
      tokens.push({ kind: "name", text: name, at: i });
    }
    i += name.length;
  }
  return tokens;
}

/**
 * `a eq v (and b eq w)*` from `tokens`, reading a bracketed value filter `attr[sub eq v]` as
 * `attr.sub eq v`. Used for list filters and for the value filters inside PATCH paths
 * (`emails[type eq "work"]`).
 */
export function parseConjunction(tokens: TToken[], fail: (detail: string) => Error): TComparison[] {
  let i = 0;
  const expectName = (what: string) => {
    const t = tokens[i++];
    if (t?.kind !== "name") throw fail(`Expected ${what}${t ? ` at character ${t.at + 1}` : " at the end"}.`);
    return t.text;
  };
  const readComparisons = (prefix: string): TComparison[] => {
    const comparisons: TComparison[] = [];
    for (;;) {
      if (tokens[i]?.kind === "openParen" || tokens[i]?.kind === "closeParen") {
        throw fail("Parentheses are not supported; join comparisons with and.");
      }
      const attribute = prefix + expectName("an attribute name");
      if (tokens[i]?.kind === "open") {
        i++;
        comparisons.push(...readComparisons(`${attribute}.`));
        if (tokens[i++]?.kind !== "close") throw fail(`Expected "]" after the filter of ${attribute}.`);
      } else {
        const operator = expectName(`an operator after ${attribute}`).toLowerCase();
        if (operator !== "eq") {
          throw fail(`The operator "${operator}" is not supported; Bumpers filters with eq (joined by and).`);
        }
        const value = tokens[i++];
        if (value?.kind !== "literal") throw fail(`Expected a value after ${attribute} eq.`);
        comparisons.push({ attribute, value: value.value });
      }
      if (i >= tokens.length || tokens[i]?.kind === "close") return comparisons;
      const joiner = expectName('"and"').toLowerCase();
      if (joiner !== "and") throw fail(`"${joiner}" is not supported; comparisons can only be joined with and.`);
    }
  };
  if (tokens.length === 0) throw fail("The filter is empty.");
  const comparisons = readComparisons("");
  if (i < tokens.length) throw fail(`Unexpected text at character ${tokens[i].at + 1}.`);
  return comparisons;
}

// ---------------------------------------------------------------------------------------------
// List filters

export type TListFilterField = "userName" | "externalId" | "displayName" | "emails.value";
export type TListFilter = Array<{ field: TListFilterField; value: string }>;

const FILTERABLE: Record<TResourceKind, Record<string, TListFilterField>> = {
  User: {
    username: "userName",
    externalid: "externalId",
    displayname: "displayName",
    "emails.value": "emails.value",
  },
  Group: { displayname: "displayName", externalid: "externalId" },
};

const invalidFilter = (detail: string) => scimBadRequest("invalidFilter", detail);

/** The list filter of `?filter=`, or invalidFilter naming what is wrong and what is supported. */
export function parseListFilter(kind: TResourceKind, text: string): TListFilter {
  const comparisons = parseConjunction(tokenize(text, invalidFilter), invalidFilter);
  const supported = Object.values(FILTERABLE[kind]).join(", ");
  return comparisons.map(({ attribute, value }) => {
    const bare = stripCoreUrn(kind, attribute).toLowerCase();
    const field = FILTERABLE[kind][bare];
    if (!field) throw invalidFilter(`Filtering ${kind}s by "${attribute}" is not supported; use ${supported}.`);
    if (typeof value !== "string") throw invalidFilter(`${attribute} is compared with a string in double quotes.`);
    return { field, value };
  });
}

/** `urn:…:core:2.0:User:userName` → `userName` (attributes may be named with their schema). */
export function stripCoreUrn(kind: TResourceKind, attribute: string): string {
  const core = (kind === "User" ? SCHEMA.user : SCHEMA.group).toLowerCase() + ":";
  return attribute.toLowerCase().startsWith(core) ? attribute.slice(core.length) : attribute;
}
