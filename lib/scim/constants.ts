// Names and limits of the SCIM 2.0 endpoints (RFC 7643 / RFC 7644), in one place.

export const SCHEMA = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterpriseUser: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

export type TResourceKind = "User" | "Group";

/** Request bodies are read up to this size; larger ones are a 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Page size of list responses when `count` is absent, and the most one page holds. */
export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;
/** Operations one PATCH request may carry (a group's member list travels as one operation). */
export const MAX_PATCH_OPERATIONS = 1000;
/** Members one request may add, remove or set (Entra and Okta send far fewer at a time). */
export const MAX_MEMBERS_PER_REQUEST = 10_000;

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
