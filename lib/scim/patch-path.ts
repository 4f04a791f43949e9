import type { TResourceKind } from "./constants";
import { scimBadRequest } from "./errors";
import { parseConjunction, tokenize, type TLiteral } from "./filter";
import {
  COMMON_ATTRIBUTES,
  findAttribute,
  RESOURCE_SCHEMAS,
  schemaAttributes,
  type TAttribute,
} from "./schema-definitions";

// PATCH paths (RFC 7644 §3.5.2): `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, each
// optionally prefixed by its schema URN (`urn:…:enterprise:2.0:User:department`), or an
// extension's URN alone. A malformed path is invalidPath; a well-formed one naming an attribute
// Bumpers does not store is "ignored", like unknown attributes in a POST body.

export type TValueFilter = Array<{ sub: TAttribute; value: TLiteral }>;

export type TPatchTarget =
  | { kind: "ignored"; name: string }
  | { kind: "extension"; schema: string }
  | {
      kind: "attribute";
      /** null for the core schema (a top-level attribute), else the extension's URN. */
      schema: string | null;
      attribute: TAttribute;
      filter: TValueFilter | null;
      sub: TAttribute | null;
    };

const ATTRIBUTE_PATH = /^([A-Za-z$][\w$-]*)(?:\[(.*)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

const invalidPath = (detail: string) => scimBadRequest("invalidPath", detail);

export function parsePatchPath(kind: TResourceKind, path: string): TPatchTarget {
  const trimmed = path.trim();
  let schema: string | null = null;
  let rest = trimmed;
  if (/^urn:/i.test(trimmed)) {
    const { core, extensions } = RESOURCE_SCHEMAS[kind];
    const lowered = trimmed.toLowerCase();
    const urn = [core, ...extensions].find(
      (u) => lowered.startsWith(u.toLowerCase()) && [":", undefined].includes(trimmed[u.length]),
    );
    if (!urn) return { kind: "ignored", name: trimmed };
    rest = trimmed.slice(urn.length + 1);
    if (urn !== core) {
      if (!rest) return { kind: "extension", schema: urn };
      schema = urn;
    }
    if (!rest) throw invalidPath(`The path "${path}" names a schema, not an attribute.`);
  }
  const match = ATTRIBUTE_PATH.exec(rest);
  if (!match)
    throw invalidPath(
      `The path "${path}" is not a SCIM attribute path (like name.givenName or emails[type eq "work"].value).`,
    );
  const [, name, filterText, subName] = match;
  const attributes = schema ? (schemaAttributes(schema) ?? []) : [...coreAttributes(kind)];
  const attribute = findAttribute(attributes, name);
  if (!attribute) return { kind: "ignored", name: rest };
  if (filterText !== undefined && !attribute.multiValued) {
    throw invalidPath(
      `${attribute.name} has a single value; a [filter] only selects values of a multi-valued attribute.`,
    );
  }
  if (subName !== undefined && attribute.type !== "complex") {
    throw invalidPath(`${attribute.name} has no sub-attributes.`);
  }
  const filter = filterText === undefined ? null : parseValueFilter(attribute, filterText);
  if (subName === undefined) return { kind: "attribute", schema, attribute, filter, sub: null };
  const sub = findAttribute(attribute.subAttributes ?? [], subName);
  if (!sub) return { kind: "ignored", name: rest };
  return { kind: "attribute", schema, attribute, filter, sub };
}

function parseValueFilter(attribute: TAttribute, text: string): TValueFilter {
  const fail = (detail: string) => invalidPath(`In the filter of ${attribute.name}: ${detail}`);
  return parseConjunction(tokenize(text, fail), fail).map(({ attribute: name, value }) => {
    const sub = findAttribute(attribute.subAttributes ?? [], name);
    if (!sub || name.includes(".")) throw fail(`${attribute.name} has no sub-attribute "${name}".`);
    return { sub, value };
  });
}

/** Common attributes (externalId; id and meta are read-only) and the core schema's. */
function coreAttributes(kind: TResourceKind): TAttribute[] {
  return [...COMMON_ATTRIBUTES, ...(schemaAttributes(RESOURCE_SCHEMAS[kind].core) ?? [])];
}
