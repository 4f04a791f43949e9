import { SCHEMA, type TResourceKind } from "./constants";

// The attributes Bumpers stores for SCIM Users and Groups (RFC 7643 §4), described once: the
// PATCH engine and the body normalizer resolve names through these (case-insensitively, as
// RFC 7643 §2.1 asks), and /Schemas serves them. Attributes not listed here are ignored on input.

export type TAttribute = {
  name: string;
  type: "string" | "boolean" | "complex" | "reference";
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned: "always" | "default" | "never" | "request";
  uniqueness: "none" | "server";
  subAttributes?: TAttribute[];
  referenceTypes?: string[];
};

type TOptions = Partial<Omit<TAttribute, "name" | "type" | "description">>;

const attribute = (name: string, type: TAttribute["type"], description: string, options: TOptions = {}) => ({
  name,
  type,
  description,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite" as const,
  returned: "default" as const,
  uniqueness: "none" as const,
  ...options,
});

const text = (name: string, description: string, options?: TOptions) => attribute(name, "string", description, options);
const complex = (name: string, description: string, subAttributes: TAttribute[], options?: TOptions) =>
  attribute(name, "complex", description, { ...options, subAttributes });

/** `value`, `display`, `type`, `primary`: the sub-attributes of emails, phone numbers, roles… */
const multiValued = (name: string, description: string, extra: TAttribute[] = []) =>
  complex(
    name,
    description,
    [
      text("value", `The ${name} value.`),
      text("display", "A human-readable name, for display only."),
      text("type", 'A label such as "work" or "home".'),
      attribute("primary", "boolean", "Whether this is the primary value."),
      ...extra,
    ],
    { multiValued: true },
  );

export const USER_ATTRIBUTES: TAttribute[] = [
  text("userName", "The person's sign-in name; Bumpers expects their email address.", {
    required: true,
    uniqueness: "server",
  }),
  complex("name", "The components of the person's name.", [
    text("formatted", "The full name, formatted for display."),
    text("familyName", "Family name."),
    text("givenName", "Given name."),
    text("middleName", "Middle name(s)."),
    text("honorificPrefix", "Honorific prefix, e.g. Ms."),
    text("honorificSuffix", "Honorific suffix, e.g. III."),
  ]),
  text("displayName", "The name shown for the person."),
  text("nickName", "Casual name."),
  attribute("profileUrl", "reference", "A URL of the person's profile.", { referenceTypes: ["external"] }),
  text("title", "Job title."),
  text("userType", "The relation to the organization, e.g. Employee."),
  text("preferredLanguage", "Preferred language (RFC 7231 Accept-Language form)."),
  text("locale", "Locale, e.g. en-US."),
  text("timezone", "IANA time zone, e.g. Europe/Berlin."),
  attribute("active", "boolean", "False removes the person's membership of this organization at once."),
  text("password", "Accepted and discarded: people sign in through the organization's identity provider.", {
    mutability: "writeOnly",
    returned: "never",
  }),
  multiValued("emails", "Email addresses; a primary or work address may stand in for a userName that is not one."),
  multiValued("phoneNumbers", "Phone numbers."),
  multiValued("ims", "Instant messaging addresses."),
  multiValued("photos", "URLs of photos."),
  complex(
    "addresses",
    "Physical mailing addresses.",
    [
      text("formatted", "The full address, formatted for display."),
      text("streetAddress", "Street address."),
      text("locality", "City or locality."),
      text("region", "State or region."),
      text("postalCode", "Postal code."),
      text("country", "Country (ISO 3166-1 alpha-2)."),
      text("type", 'A label such as "work" or "home".'),
      attribute("primary", "boolean", "Whether this is the primary address."),
    ],
    { multiValued: true },
  ),
  complex(
    "groups",
    "The groups the person belongs to; change membership through the Group resource.",
    [
      text("value", "The group's id.", { mutability: "readOnly" }),
      attribute("$ref", "reference", "The group's URI.", { mutability: "readOnly", referenceTypes: ["Group"] }),
      text("display", "The group's displayName.", { mutability: "readOnly" }),
      text("type", '"direct".', { mutability: "readOnly" }),
    ],
    { multiValued: true, mutability: "readOnly" },
  ),
  multiValued("entitlements", "Entitlements (stored, not interpreted)."),
  multiValued("roles", "Roles (stored, not interpreted: org and team roles come from groups)."),
];

export const ENTERPRISE_USER_ATTRIBUTES: TAttribute[] = [
  text("employeeNumber", "Employee number."),
  text("costCenter", "Cost center."),
  text("organization", "Organization."),
  text("division", "Division."),
  text("department", "Department."),
  complex("manager", "The person's manager.", [
    text("value", "The manager's id."),
    attribute("$ref", "reference", "The manager's URI.", { referenceTypes: ["User"] }),
    text("displayName", "The manager's name.", { mutability: "readOnly" }),
  ]),
];

export const GROUP_ATTRIBUTES: TAttribute[] = [
  text("displayName", "The group's name; linked to the Bumpers team of the same slug or name.", {
    required: true,
    uniqueness: "server",
  }),
  complex(
    "members",
    "The group's members (Users of this organization, by id).",
    [
      text("value", "The member's id.", { mutability: "immutable" }),
      attribute("$ref", "reference", "The member's URI.", { mutability: "immutable", referenceTypes: ["User"] }),
      text("display", "The member's userName.", { mutability: "readOnly" }),
      text("type", '"User" (nested groups are not supported).', { mutability: "immutable" }),
    ],
    { multiValued: true },
  ),
];

/** Attributes every resource has (RFC 7643 §3.1), outside the schemas. */
export const COMMON_ATTRIBUTES: TAttribute[] = [
  text("id", "Bumpers' id of the resource.", { mutability: "readOnly", returned: "always", caseExact: true }),
  text("externalId", "The identity provider's id of the resource.", { caseExact: true }),
  complex("meta", "Resource metadata.", [], { mutability: "readOnly" }),
];

export type TSchemaDefinition = { id: string; name: string; description: string; attributes: TAttribute[] };

export const SCHEMA_DEFINITIONS: TSchemaDefinition[] = [
  { id: SCHEMA.user, name: "User", description: "A person of the organization.", attributes: USER_ATTRIBUTES },
  {
    id: SCHEMA.enterpriseUser,
    name: "EnterpriseUser",
    description: "Enterprise attributes of a person (stored, not interpreted).",
    attributes: ENTERPRISE_USER_ATTRIBUTES,
  },
  {
    id: SCHEMA.group,
    name: "Group",
    description: "A directory group; its members get a role on the linked Bumpers team.",
    attributes: GROUP_ATTRIBUTES,
  },
];

/** The core schema and the extensions of each resource type. */
export const RESOURCE_SCHEMAS: Record<TResourceKind, { core: string; extensions: readonly string[] }> = {
  User: { core: SCHEMA.user, extensions: [SCHEMA.enterpriseUser] },
  Group: { core: SCHEMA.group, extensions: [] },
};

const attributesOfSchema = new Map(SCHEMA_DEFINITIONS.map((s) => [s.id.toLowerCase(), s.attributes]));

/** The attributes of a schema by its URN (any case), or undefined for a schema Bumpers does not know. */
export const schemaAttributes = (urn: string): TAttribute[] | undefined => attributesOfSchema.get(urn.toLowerCase());

/** `name` among `attributes`, compared case-insensitively; undefined when there is none. */
export function findAttribute(attributes: readonly TAttribute[], name: string): TAttribute | undefined {
  const wanted = name.toLowerCase();
  return attributes.find((a) => a.name.toLowerCase() === wanted);
}
