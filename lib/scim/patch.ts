import { z } from "zod";
import { MAX_PATCH_OPERATIONS, type TResourceKind } from "./constants";
import { scimBadRequest } from "./errors";
import type { TLiteral } from "./filter";
import { parsePatchPath, type TPatchTarget, type TValueFilter } from "./patch-path";
import type { TAttribute } from "./schema-definitions";
import { isPlainObject, normalizeSingle, normalizeValue, type TJsonObject } from "./values";

// The PATCH engine for documents held in full (Users): each operation of RFC 7644 §3.5.2 applied
// to the stored document, in order, with the forms Okta and Entra send: op names in any case
// ("Replace", "Add"), a value object without a path (`{op: "replace", value: {active: false}}`,
// keys may be paths themselves: "name.givenName", "urn:…:enterprise:2.0:User:department"),
// `emails[type eq "work"].value` creating the work address when there is none yet (Entra expects
// that; the RFC would answer noTarget). A POST or PUT body is the same thing: a replace without a
// path applied to an empty document (documentFromBody). The result is validated by documents.ts.

export type TDocument = TJsonObject;
export type TPatchOperation = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

const ZOperation = z
  .object({
    op: z
      .string({ error: 'Each operation needs an "op": add, replace or remove.' })
      .transform((op) => op.toLowerCase())
      .pipe(z.enum(["add", "replace", "remove"], { error: 'op must be "add", "replace" or "remove".' })),
    path: z.string({ error: "path must be a string." }).max(1000).optional(),
    value: z.unknown().optional(),
  })
  .transform(({ op, path, value }): TPatchOperation => ({ op, path: path?.trim() || undefined, value }));

/** `{ schemas, Operations }`; the operations' key is matched case-insensitively (some clients send "operations"). */
export const ZPatchRequest = z.preprocess(
  (body) => {
    if (!isPlainObject(body)) return body;
    const key = Object.keys(body).find((k) => k.toLowerCase() === "operations");
    return { Operations: key ? body[key] : undefined };
  },
  z.object({
    Operations: z
      .array(ZOperation, { error: 'A PATCH body is {"schemas": [...PatchOp], "Operations": [...]}.' })
      .min(1, "Operations is empty.")
      .max(MAX_PATCH_OPERATIONS, `At most ${MAX_PATCH_OPERATIONS} operations per request.`),
  }),
);

const invalidValue = (detail: string) => scimBadRequest("invalidValue", detail);

/** `doc` with `operations` applied (a new object; `doc` is not changed). */
export function applyPatch(kind: TResourceKind, doc: TDocument, operations: readonly TPatchOperation[]): TDocument {
  const next = structuredClone(doc);
  operations.forEach((operation, i) => applyOperation(kind, next, operation, `Operations[${i}]`));
  return next;
}

/** A POST or PUT body as a document: attribute names canonical, read-only and unknown ones dropped. */
export function documentFromBody(kind: TResourceKind, body: unknown): TDocument {
  if (!isPlainObject(body)) throw scimBadRequest("invalidSyntax", "The body must be a JSON object.");
  return applyPatch(kind, {}, [{ op: "replace", value: body }]);
}

function applyOperation(kind: TResourceKind, doc: TDocument, operation: TPatchOperation, where: string) {
  const { op, path, value } = operation;
  if (path === undefined) {
    if (op === "remove") throw scimBadRequest("noTarget", `${where}: remove needs a path.`);
    if (!isPlainObject(value))
      throw invalidValue(`${where}: without a path, the value must be an object of attributes.`);
    for (const [key, v] of Object.entries(value)) {
      const target = parsePatchPath(kind, key);
      // id, meta and groups come back in what clients send (Okta's group rename carries the id).
      if (target.kind === "attribute" && target.attribute.mutability === "readOnly") continue;
      applyToTarget(kind, doc, op, target, v, `${where}.value.${key}`);
    }
    return;
  }
  const target = parsePatchPath(kind, path);
  if (target.kind === "attribute" && target.attribute.mutability === "readOnly") {
    throw scimBadRequest("mutability", `${target.attribute.name} is read-only.`);
  }
  applyToTarget(kind, doc, op, target, value, `${where} (${path})`);
}

function applyToTarget(
  kind: TResourceKind,
  doc: TDocument,
  op: TPatchOperation["op"],
  target: TPatchTarget,
  value: unknown,
  where: string,
) {
  if (target.kind === "ignored") return;
  if (target.kind === "extension") {
    if (op === "remove") {
      delete doc[target.schema];
      return;
    }
    if (!isPlainObject(value)) throw invalidValue(`${where}: the value of ${target.schema} must be an object.`);
    for (const [key, v] of Object.entries(value)) {
      applyToTarget(kind, doc, op, parsePatchPath(kind, `${target.schema}:${key}`), v, `${where}.${key}`);
    }
    return;
  }
  const { attribute, filter, sub } = target;
  // The password is accepted and discarded: people sign in through the identity provider.
  if (attribute.mutability === "writeOnly") return;
  const container = target.schema ? objectAt(doc, target.schema) : doc;
  if (op === "remove") {
    remove(container, attribute, filter, sub, value, where);
  } else if (!attribute.multiValued) {
    setSingle(container, attribute, sub, value, where);
  } else {
    setMultiValued(container, op, attribute, filter, sub, value, where);
  }
}

function setSingle(
  container: TJsonObject,
  attribute: TAttribute,
  sub: TAttribute | null,
  value: unknown,
  where: string,
) {
  if (sub) {
    setOrDelete(objectAt(container, attribute.name), sub.name, normalizeSingle(sub, value, where));
    return;
  }
  const normalized = normalizeValue(attribute, value, where);
  const current = container[attribute.name];
  // Add and replace of a complex attribute both keep the sub-attributes the value does not name.
  if (attribute.type === "complex" && isPlainObject(normalized) && isPlainObject(current)) {
    container[attribute.name] = { ...current, ...normalized };
    return;
  }
  setOrDelete(container, attribute.name, normalized);
}

function setMultiValued(
  container: TJsonObject,
  op: "add" | "replace",
  attribute: TAttribute,
  filter: TValueFilter | null,
  sub: TAttribute | null,
  value: unknown,
  where: string,
) {
  const items = itemsOf(container, attribute.name);
  if (!filter && !sub) {
    const values = (normalizeValue(attribute, value, where) ?? []) as TJsonObject[];
    container[attribute.name] = keepOnePrimary(op === "replace" ? values : mergeValues(items, values));
    return;
  }
  const element = { ...attribute, multiValued: false };
  const matched = filter ? items.filter((item) => matches(item, filter)) : items;
  if (matched.length === 0) {
    const created: TJsonObject = Object.fromEntries((filter ?? []).map(({ sub: s, value: v }) => [s.name, v]));
    if (sub) setOrDelete(created, sub.name, normalizeSingle(sub, value, where));
    else Object.assign(created, normalizeSingle(element, value, where));
    items.push(created);
  }
  for (const item of matched) {
    if (sub) setOrDelete(item, sub.name, normalizeSingle(sub, value, where));
    else Object.assign(item, normalizeSingle(element, value, where));
  }
  container[attribute.name] = keepOnePrimary(items);
}

function remove(
  container: TJsonObject,
  attribute: TAttribute,
  filter: TValueFilter | null,
  sub: TAttribute | null,
  value: unknown,
  where: string,
) {
  const name = attribute.name;
  if (!attribute.multiValued) {
    const current = container[name];
    if (!sub) delete container[name];
    else if (isPlainObject(current)) delete current[sub.name];
    return;
  }
  const items = itemsOf(container, name);
  if (!filter && !sub) {
    if (value === undefined || value === null) {
      delete container[name];
      return;
    }
    // Entra removes members and values by listing them: `{op: "Remove", path: "members", value: [{value}]}`.
    const values = normalizeValue(attribute, value, where) as TJsonObject[];
    container[name] = items.filter((item) => !values.some((v) => sameValue(item, v)));
    return;
  }
  const matched = filter ? items.filter((item) => matches(item, filter)) : items;
  if (sub) for (const item of matched) delete item[sub.name];
  else container[name] = items.filter((item) => !matched.includes(item));
}

// ---------------------------------------------------------------------------------------------

function objectAt(container: TJsonObject, key: string): TJsonObject {
  const current = container[key];
  if (isPlainObject(current)) return current;
  const created: TJsonObject = {};
  container[key] = created;
  return created;
}

function itemsOf(container: TJsonObject, key: string): TJsonObject[] {
  const current = container[key];
  return Array.isArray(current) ? current.filter(isPlainObject) : [];
}

function setOrDelete(container: TJsonObject, key: string, value: unknown) {
  if (value === undefined) delete container[key];
  else container[key] = value;
}

const comparable = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

/** Value filters compare case-insensitively: the sub-attributes Bumpers stores are all caseExact false. */
export function matches(item: TJsonObject, filter: TValueFilter): boolean {
  return filter.every(({ sub, value }) => comparable(item[sub.name]) === comparable(value as TLiteral));
}

/** Two values of a multi-valued attribute are the same when their `value` (and type, when both have one) agree. */
function sameValue(a: TJsonObject, b: TJsonObject): boolean {
  if (a.value === undefined || comparable(a.value) !== comparable(b.value)) return false;
  return a.type === undefined || b.type === undefined || comparable(a.type) === comparable(b.type);
}

function mergeValues(items: TJsonObject[], added: TJsonObject[]): TJsonObject[] {
  const merged = [...items];
  for (const value of added) {
    const existing = merged.find((item) => sameValue(item, value));
    if (existing) Object.assign(existing, value);
    else merged.push(value);
  }
  return merged;
}

/** At most one value is primary (RFC 7643 §2.4): the one set last wins. */
function keepOnePrimary(items: TJsonObject[]): TJsonObject[] {
  const last = items.findLastIndex((item) => item.primary === true);
  if (last >= 0) items.forEach((item, i) => i !== last && item.primary === true && (item.primary = false));
  return items;
}
