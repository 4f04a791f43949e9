import { z } from "zod";
import { MAX_MEMBERS_PER_REQUEST, SCHEMA } from "./constants";
import { scimBadRequest } from "./errors";
import type { TDocument } from "./patch";
import { ENTERPRISE_USER_ATTRIBUTES, GROUP_ATTRIBUTES, USER_ATTRIBUTES, type TAttribute } from "./schema-definitions";

// The final check of a User or Group document (after a POST or PUT body was read, or a PATCH
// applied): Zod schemas derived from schema-definitions.ts, so the attributes described at
// /Schemas are exactly the ones accepted, with limits on text and list sizes.

const MAX_TEXT = 1024;
const MAX_VALUES = 100;

function zodOf(attribute: TAttribute): z.ZodType {
  const single =
    attribute.type === "boolean"
      ? z.boolean()
      : attribute.type === "complex"
        ? z.object(
            Object.fromEntries(
              (attribute.subAttributes ?? []).map((s) => [s.name, zodOf({ ...s, multiValued: false }).optional()]),
            ),
          )
        : z.string().max(MAX_TEXT, `At most ${MAX_TEXT} characters.`);
  return attribute.multiValued ? z.array(single).max(MAX_VALUES, `At most ${MAX_VALUES} values.`) : single;
}

const writable = (a: TAttribute) => a.mutability !== "readOnly" && a.mutability !== "writeOnly";
const shapeOf = (attributes: TAttribute[]) =>
  Object.fromEntries(attributes.filter(writable).map((a) => [a.name, zodOf(a).optional()]));

const ZExternalId = z.string().trim().min(1).max(256, "At most 256 characters.").optional();

const ZUserDocument = z.object({
  ...shapeOf(USER_ATTRIBUTES),
  externalId: ZExternalId,
  userName: z
    .string({ error: "userName is required." })
    .trim()
    .min(1, "userName is required.")
    .max(256, "At most 256 characters."),
  displayName: z.string().trim().max(256, "At most 256 characters.").optional(),
  [SCHEMA.enterpriseUser]: z.object(shapeOf(ENTERPRISE_USER_ATTRIBUTES)).optional(),
});

const ZMember = z.object({
  value: z.string({ error: "Each member needs a value: the id of a User." }).trim().min(1).max(256),
  type: z.string().max(64).optional(),
  $ref: z.string().max(2048).optional(),
});

const ZGroupDocument = z.object({
  ...shapeOf(GROUP_ATTRIBUTES),
  externalId: ZExternalId,
  displayName: z
    .string({ error: "displayName is required." })
    .trim()
    .min(1, "displayName is required.")
    .max(256, "At most 256 characters."),
  members: z.array(ZMember).max(MAX_MEMBERS_PER_REQUEST, `At most ${MAX_MEMBERS_PER_REQUEST} members.`).optional(),
});

type TNamed = { value?: string; type?: string; primary?: boolean; display?: string };

/** A valid User; attributes other than these few are kept as they are, for `attributes`. */
export type TUserDocument = TDocument & {
  userName: string;
  externalId?: string;
  displayName?: string;
  active?: boolean;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  emails?: TNamed[];
};

export type TGroupDocument = {
  displayName: string;
  externalId?: string;
  members?: Array<{ value: string; type?: string }>;
};

function check<T>(schema: z.ZodType, doc: TDocument): T {
  const parsed = schema.safeParse(doc);
  if (parsed.success) return parsed.data as T;
  const detail = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`)
    .join("; ");
  throw scimBadRequest("invalidValue", detail);
}

export const validUser = (doc: TDocument) => check<TUserDocument>(ZUserDocument, doc);
export const validGroup = (doc: TDocument) => check<TGroupDocument>(ZGroupDocument, doc);

// ---------------------------------------------------------------------------------------------
// Users as stored: four columns and the rest of the document in `attributes`.

const COLUMNS = new Set(["userName", "externalId", "displayName", "active"]);

export type TStoredUser = {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  attributes: unknown;
};

/** The document of a stored user, as a PATCH starts from. */
export function userDocumentOf(row: TStoredUser): TDocument {
  const attributes = typeof row.attributes === "object" && row.attributes !== null ? row.attributes : {};
  return {
    ...structuredClone(attributes as TDocument),
    userName: row.userName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(row.displayName ? { displayName: row.displayName } : {}),
    active: row.active,
  };
}

/** What to store of a valid user; `active` absent (a PUT without it) keeps `currentActive`. */
export function storedFieldsOf(doc: TUserDocument, currentActive: boolean) {
  const attributes = Object.fromEntries(Object.entries(doc).filter(([key]) => !COLUMNS.has(key)));
  return {
    userName: doc.userName,
    externalId: doc.externalId ?? null,
    displayName: doc.displayName ?? null,
    active: doc.active ?? currentActive,
    attributes,
  };
}
