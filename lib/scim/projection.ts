import { RESOURCE_SCHEMAS } from "./schema-definitions";
import type { TResourceKind } from "./constants";
import { isPlainObject, type TJsonObject } from "./values";

// `attributes` and `excludedAttributes` (RFC 7644 §3.9) on a resource already built: names are
// top-level attributes or `attr.sub`, case-insensitive, optionally schema-qualified
// (`urn:…:core:2.0:User:userName`, `urn:…:enterprise:2.0:User:department`). `schemas` and `id`
// are always returned. Entra and Okta send `excludedAttributes=members` when they only want a
// group's name; the routes also skip reading the members then (wantsAttribute).

export type TSelection = { attributes: string[]; excludedAttributes: string[] };

const ALWAYS = new Set(["schemas", "id"]);

/** `[top-level key, sub-attribute?]` of a name, in lower case. */
function pathOf(kind: TResourceKind, name: string): [string, string?] {
  const lowered = name.toLowerCase();
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  for (const urn of extensions) {
    const prefix = urn.toLowerCase();
    if (lowered === prefix) return [prefix];
    if (lowered.startsWith(`${prefix}:`)) return [prefix, lowered.slice(prefix.length + 1)];
  }
  const bare = lowered.startsWith(`${core.toLowerCase()}:`) ? lowered.slice(core.length + 1) : lowered;
  const [top, sub] = bare.split(".", 2);
  return sub === undefined ? [top] : [top, sub];
}

/** Whether the answer will carry `attribute` (so the caller knows whether to read it at all). */
export function wantsAttribute(kind: TResourceKind, selection: TSelection, attribute: string): boolean {
  const key = attribute.toLowerCase();
  if (selection.attributes.length > 0) return selection.attributes.some((n) => pathOf(kind, n)[0] === key);
  return !selection.excludedAttributes.some((n) => {
    const [top, sub] = pathOf(kind, n);
    return top === key && sub === undefined;
  });
}

export function applySelection(kind: TResourceKind, resource: TJsonObject, selection: TSelection): TJsonObject {
  if (selection.attributes.length > 0) {
    const wanted = selection.attributes.map((n) => pathOf(kind, n));
    const out: TJsonObject = {};
    for (const [key, value] of Object.entries(resource)) {
      const lowered = key.toLowerCase();
      if (ALWAYS.has(lowered)) {
        out[key] = value;
        continue;
      }
      const matching = wanted.filter(([top]) => top === lowered);
      if (matching.length === 0) continue;
      const subs = matching.map(([, sub]) => sub);
      out[key] = subs.includes(undefined) ? value : keepSubs(value, subs as string[]);
    }
    return out;
  }
  if (selection.excludedAttributes.length === 0) return resource;
  const out: TJsonObject = { ...resource };
  for (const name of selection.excludedAttributes) {
    const [top, sub] = pathOf(kind, name);
    const key = Object.keys(out).find((k) => k.toLowerCase() === top);
    if (!key || ALWAYS.has(top)) continue;
    if (sub === undefined) delete out[key];
    else out[key] = dropSub(out[key], sub);
  }
  return out;
}

const pick = (value: unknown, fn: (o: TJsonObject) => TJsonObject): unknown =>
  Array.isArray(value) ? value.map((v) => (isPlainObject(v) ? fn(v) : v)) : isPlainObject(value) ? fn(value) : value;

const keepSubs = (value: unknown, subs: string[]) =>
  pick(value, (o) => Object.fromEntries(Object.entries(o).filter(([k]) => subs.includes(k.toLowerCase()))));

const dropSub = (value: unknown, sub: string) =>
  pick(value, (o) => Object.fromEntries(Object.entries(o).filter(([k]) => k.toLowerCase() !== sub)));
