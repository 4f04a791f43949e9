import { SCHEMA, type TResourceKind } from "./constants";
import { userDocumentOf } from "./documents";
import type { TGroupRef, TMemberRef, TScimGroupRow, TScimUserRow } from "./queries";
import type { TJsonObject } from "./values";

// Stored rows → RFC 7643 JSON: `schemas`, `id`, `externalId`, the attributes, and `meta` with
// the resource's location and a weak version that changes with every write.

function meta(
  resourceType: TResourceKind,
  row: { version: number; createdAt: Date; updatedAt: Date },
  location: string,
) {
  return {
    resourceType,
    created: row.createdAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    location,
    version: `W/"${row.version}"`,
  };
}

export function toScimUser(row: TScimUserRow, groups: TGroupRef[], base: string): TJsonObject {
  const doc = userDocumentOf(row);
  return {
    schemas: doc[SCHEMA.enterpriseUser] ? [SCHEMA.user, SCHEMA.enterpriseUser] : [SCHEMA.user],
    id: row.id,
    ...doc,
    groups: groups.map((g) => ({
      value: g.id,
      display: g.displayName,
      $ref: `${base}/Groups/${g.id}`,
      type: "direct",
    })),
    meta: meta("User", row, `${base}/Users/${row.id}`),
  };
}

/** `members` null: left out (the caller was asked not to return them, and did not read them). */
export function toScimGroup(row: TScimGroupRow, members: TMemberRef[] | null, base: string): TJsonObject {
  return {
    schemas: [SCHEMA.group],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.id,
            display: m.userName,
            $ref: `${base}/Users/${m.id}`,
            type: "User",
          })),
        }
      : {}),
    meta: meta("Group", row, `${base}/Groups/${row.id}`),
  };
}

export function listResponse(resources: TJsonObject[], total: number, startIndex: number) {
  return {
    schemas: [SCHEMA.listResponse],
    totalResults: total,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  };
}
