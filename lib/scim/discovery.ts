import { MAX_COUNT, SCHEMA, type TResourceKind } from "./constants";
import { scimNotFound } from "./errors";
import { listResponse } from "./resources";
import { RESOURCE_SCHEMAS, SCHEMA_DEFINITIONS, type TAttribute } from "./schema-definitions";

// What the service provider says about itself (RFC 7644 §4): /ServiceProviderConfig, /Schemas and
// /ResourceTypes, built from the same definitions the endpoints use.

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SCHEMA.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "SCIM token",
        description:
          "A SCIM token of this organization (Settings → Single sign-on), sent as Authorization: Bearer bmp_scim_…",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

const resourceTypeOf = (kind: TResourceKind, base: string) => ({
  schemas: [SCHEMA.resourceType],
  id: kind,
  name: kind,
  endpoint: `/${kind}s`,
  description: kind === "User" ? "A person of the organization." : "A directory group, linked to a Bumpers team.",
  schema: RESOURCE_SCHEMAS[kind].core,
  schemaExtensions: RESOURCE_SCHEMAS[kind].extensions.map((schema) => ({ schema, required: false })),
  meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${kind}` },
});

const schemaOf = (definition: (typeof SCHEMA_DEFINITIONS)[number], base: string) => ({
  schemas: [SCHEMA.schema],
  id: definition.id,
  name: definition.name,
  description: definition.description,
  attributes: definition.attributes.map(describe),
  meta: { resourceType: "Schema", location: `${base}/Schemas/${definition.id}` },
});

function describe(attribute: TAttribute): Record<string, unknown> {
  const { subAttributes, referenceTypes, ...rest } = attribute;
  return {
    ...rest,
    ...(referenceTypes ? { referenceTypes } : {}),
    ...(subAttributes ? { subAttributes: subAttributes.map(describe) } : {}),
  };
}

export const resourceTypes = (base: string) =>
  listResponse(
    (["User", "Group"] as const).map((kind) => resourceTypeOf(kind, base)),
    2,
    1,
  );

export function resourceType(base: string, id: string) {
  const kind = (["User", "Group"] as const).find((k) => k.toLowerCase() === id.toLowerCase());
  if (!kind) throw scimNotFound(`No resource type "${id}"; there are User and Group.`);
  return resourceTypeOf(kind, base);
}

export const schemas = (base: string) =>
  listResponse(
    SCHEMA_DEFINITIONS.map((d) => schemaOf(d, base)),
    SCHEMA_DEFINITIONS.length,
    1,
  );

export function schema(base: string, id: string) {
  const definition = SCHEMA_DEFINITIONS.find((d) => d.id.toLowerCase() === id.toLowerCase());
  if (!definition) throw scimNotFound(`No schema "${id}".`);
  return schemaOf(definition, base);
}

/** Paths under the SCIM base that are not endpoints (Bulk and Me are not supported). */
export async function unknownEndpoint({ params }: { params: { path: string[] } }): Promise<Response> {
  throw scimNotFound(`There is no SCIM endpoint /${params.path.join("/")}; see ${"/ServiceProviderConfig"}.`);
}
