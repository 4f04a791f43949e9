import { scimBadRequest } from "./errors";
import { findAttribute, type TAttribute } from "./schema-definitions";

// One attribute value as an identity provider sends it → as Bumpers stores it: sub-attribute
// names in their canonical case, read-only sub-attributes dropped, "True"/"False" strings as
// booleans (Entra sends `"active": "False"`), a bare string as `{ value }` where the attribute is
// complex (Entra's manager id), null as "no value". Types are checked again by documents.ts.

export type TJsonObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is TJsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const invalidValue = (detail: string) => scimBadRequest("invalidValue", detail);

/** The stored form of `value` for `attribute`; undefined when it means "no value". */
export function normalizeValue(attribute: TAttribute, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (!attribute.multiValued) {
    // A one-element list for a single complex value (some Entra manager updates send one).
    const single = attribute.type === "complex" && Array.isArray(value) && value.length === 1 ? value[0] : value;
    return normalizeSingle(attribute, single, where);
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => normalizeSingle(attribute, item, `${where}[${i}]`)).filter((v) => v !== undefined);
}

/** One value of `attribute` (one element when it is multi-valued). */
export function normalizeSingle(attribute: TAttribute, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  switch (attribute.type) {
    case "boolean":
      if (typeof value === "boolean") return value;
      if (typeof value === "string" && /^\s*(true|false)\s*$/i.test(value))
        return value.trim().toLowerCase() === "true";
      throw invalidValue(`${where} must be true or false.`);
    case "complex": {
      const subs = attribute.subAttributes ?? [];
      if (typeof value === "string" && findAttribute(subs, "value")) return { value };
      if (!isPlainObject(value)) throw invalidValue(`${where} must be an object.`);
      const out: TJsonObject = {};
      for (const [key, v] of Object.entries(value)) {
        const sub = findAttribute(subs, key);
        if (!sub || sub.mutability === "readOnly") continue;
        const normalized = normalizeSingle(sub, v, `${where}.${sub.name}`);
        if (normalized !== undefined) out[sub.name] = normalized;
      }
      return out;
    }
    default:
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      throw invalidValue(`${where} must be a string.`);
  }
}
